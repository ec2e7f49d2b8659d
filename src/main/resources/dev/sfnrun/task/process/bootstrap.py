# sfn-run's worker for a Python Lambda handler: one process per warm worker, one call at a time.
#
# Usage: python3 bootstrap.py HANDLER_FILE FUNCTION, with SFN_RUN_SOCKET naming a Unix domain socket.
# Requests and replies are JSON lines over that socket, so the handler's own output (print,
# logging, subprocesses) cannot disturb them: stdout and stderr go to a file that sfn-run reads
# as the call's logs. Errors are shaped and serialised as AWS's Python runtime writes them.
#
# Everything the bootstrap uses is imported here, before the handler's directory is put on
# sys.path, as AWS's runtime does: a project module named traceback.py or decimal.py must not
# replace the runtime's own (the handler's `import decimal` then gets the standard one, as on Lambda).
import decimal
import importlib
import json
import logging
import math
import os
import re
import signal
import socket
import sys
import time
import traceback

BOOTSTRAP = os.path.abspath(__file__)


def make_error(message, error_type, stack_trace, request_id):
    return {
        "errorMessage": message if message else "",
        "errorType": error_type if error_type else "",
        "requestId": request_id if request_id is not None else "",
        "stackTrace": stack_trace if stack_trace else [],
    }


def fault(exc_info, request_id, message=None):
    etype, value, tb = exc_info
    frames = traceback.extract_tb(tb)
    frames = [frame for frame in frames if frame.filename != BOOTSTRAP and "importlib._bootstrap" not in frame.filename]
    return make_error(message if message else str(value), etype.__name__, traceback.format_list(frames), request_id)


# AWS's marshaller (simplejson) writes a Decimal as raw JSON, the number text str(d): 10, 1.50,
# 12345678901234567890 keep their digits. The standard json module has no raw values, so a Decimal
# becomes a marked string that marshal() then unquotes; the mark is random, no string of the
# handler's can carry it.
RAW_NUMBER = "sfn-run-number-" + os.urandom(8).hex() + ":"
RAW_NUMBER_STRING = re.compile('"' + re.escape(RAW_NUMBER) + '([^"]*)"')


def decimal_serializer(o):
    if isinstance(o, decimal.Decimal):
        if o.is_nan():
            return math.nan
        return RAW_NUMBER + str(o)
    raise TypeError("Object of type " + type(o).__name__ + " is not JSON serializable")


def marshal(result):
    """The result as JSON text, as AWS's Python runtime marshals it."""
    if isinstance(result, (bytes, bytearray)):
        # AWS's runtime posts bytes as they are: bytes holding JSON are that JSON (other bytes are no
        # payload Step Functions can read, and stay a MarshalError here)
        text = bytes(result).decode("utf-8")
        json.loads(text)
        return text
    text = json.dumps(result, default=decimal_serializer)
    return RAW_NUMBER_STRING.sub(r"\1", text) if RAW_NUMBER in text else text


# The request id of the call in progress (the last one between calls), for the log lines.
current_request_id = None


class LambdaLoggerHandler(logging.Handler):
    """What AWS's runtime puts on the root logger: each record formatted to stdout, in the call's logs."""

    def emit(self, record):
        sys.stdout.write(self.format(record))


class LambdaLoggerFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = current_request_id or ""
        return True


def setup_logging():
    """The root logger as AWS's Python runtime sets it up (text format) before it loads the handler."""
    logging.Formatter.converter = time.gmtime
    handler = LambdaLoggerHandler()
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler.addFilter(LambdaLoggerFilter())
    root = logging.getLogger()
    level = {None: "", "TRACE": "DEBUG"}.get(os.environ.get("AWS_LAMBDA_LOG_LEVEL"),
                                                os.environ.get("AWS_LAMBDA_LOG_LEVEL")).upper()
    if level in logging._nameToLevel:
        root.setLevel(level)
    root.addHandler(handler)


class LambdaContext:
    def __init__(self, request, deadline_ms):
        self.aws_request_id = request["requestId"]
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = request["invokedFunctionArn"]
        self.tenant_id = None
        self.client_context = None
        self.identity = CognitoIdentity()
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(int(self._deadline_ms - time.time() * 1000), 0)

    def log(self, msg):
        sys.stdout.write(str(msg))

    def __repr__(self):
        return ("LambdaContext([aws_request_id={0},log_group_name={1},log_stream_name={2},function_name={3},"
                "memory_limit_in_mb={4},function_version={5},invoked_function_arn={6},client_context={7},"
                "identity={8}])").format(self.aws_request_id, self.log_group_name, self.log_stream_name,
                                         self.function_name, self.memory_limit_in_mb, self.function_version,
                                         self.invoked_function_arn, self.client_context, self.identity)


class CognitoIdentity:
    cognito_identity_id = None
    cognito_identity_pool_id = None

    def __repr__(self):
        return "CognitoIdentity([cognito_identity_id=None,cognito_identity_pool_id=None])"


def load(handler_file, function_name):
    """The handler, or the error AWS's runtime reports when it cannot be loaded."""
    # the module as Lambda names it from the task root (app/handlers/orders.py: app.handlers.orders), the root on sys.path
    root = os.environ.get("LAMBDA_TASK_ROOT") or os.path.dirname(os.path.abspath(handler_file))
    relative = os.path.relpath(os.path.abspath(handler_file), root)
    module_name = (relative[:-3] if relative.endswith(".py") else relative).replace(os.sep, ".")
    sys.path.insert(0, root)
    try:
        module = importlib.import_module(module_name)
    except SyntaxError as e:
        message = "Syntax error in module '{}': {}".format(module_name, e)
        return None, make_error(message, "Runtime.UserCodeSyntaxError",
                                ['  File "{}" Line {}\n    {}\n'.format(e.filename, e.lineno, (e.text or "").strip())], "")
    except ImportError as e:
        return None, make_error("Unable to import module '{}': {}".format(module_name, e), "Runtime.ImportModuleError", [], "")
    except Exception:
        return None, fault(sys.exc_info(), "")
    try:
        handler = getattr(module, function_name)
    except AttributeError:
        return None, make_error("Handler '{}' missing on module '{}'".format(function_name, module_name),
                                "Runtime.HandlerNotFound", [], "")
    if not callable(handler):
        return None, make_error("Handler '{}' missing on module '{}'".format(function_name, module_name),
                                "Runtime.HandlerNotFound", [], "")
    return handler, None


def main():
    global current_request_id
    handler_file, function_name = sys.argv[1], sys.argv[2]
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for sfn-run, which stops its workers itself
    channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    channel.connect(os.environ.pop("SFN_RUN_SOCKET"))
    requests = channel.makefile("rb")
    del sys.argv[1:]
    sys.argv[0] = handler_file

    def flush_output():
        # the handler may have replaced or closed sys.stdout; the reply goes on without it, as on Lambda
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass

    def reply(message):
        flush_output()
        channel.sendall(json.dumps(message).encode("utf-8") + b"\n")

    setup_logging()
    handler, init_error = load(handler_file, function_name)
    if init_error is not None:
        reply({"initError": init_error["errorType"], "cause": json.dumps(init_error)})
    else:
        reply({"ready": True})
    while True:
        line = requests.readline()
        if not line:
            return  # sfn-run is gone
        request = json.loads(line)
        request_id = request["requestId"]
        current_request_id = request_id
        if init_error is not None:
            error = dict(init_error, requestId=request_id)
            reply({"errorType": error["errorType"], "cause": json.dumps(error)})
            continue
        context = LambdaContext(request, request["deadlineMs"])
        try:
            result = handler(request["event"], context)
            try:
                result = marshal(result)
            except Exception as e:
                error = make_error("Unable to marshal response: {}".format(e), "Runtime.MarshalError", [], request_id)
                reply({"errorType": error["errorType"], "cause": json.dumps(error)})
                continue
            flush_output()
            channel.sendall(b'{"result": ' + result.encode("utf-8") + b"}\n")
        except Exception:
            error = fault(sys.exc_info(), request_id)
            reply({"errorType": error["errorType"], "cause": json.dumps(error)})


if __name__ == "__main__":
    main()
