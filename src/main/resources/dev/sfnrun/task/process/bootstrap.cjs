// sfn-run's worker for a Node.js Lambda handler: one process per warm worker, one call at a time.
//
// Usage: node bootstrap.cjs HANDLER_FILE EXPORT, with SFN_RUN_SOCKET naming a Unix domain socket.
// Requests and replies are JSON lines over that socket, so the handler's own output cannot disturb
// them: stdout and stderr go to a file that sfn-run reads as the call's logs. CommonJS (.js, .cjs)
// is loaded with require, ES modules (.mjs, or .js under "type": "module") with import(); async
// handlers, handlers returning a promise and callback-style handlers (event, context, callback)
// all work. Errors are shaped as AWS's Node.js runtime shapes them.
'use strict';

const fs = require('fs');
const net = require('net');
const path = require('path');
const url = require('url');
const util = require('util');

let currentRequestId = null;
// the id lines written between calls carry: the last call's, as AWS's runtime keeps it (none before the first)
let lastRequestId = null;
let socket = null;
let buffered = '';
let onReply = null;

/** An object AWS's runtime reports as an error: name, message and stack all non-empty strings. */
function isErrorLike(value) {
  return Boolean(value && value.name && value.message && value.stack && typeof value.name === 'string'
    && typeof value.message === 'string' && typeof value.stack === 'string');
}

/**
 * The error object AWS's runtime reports ({errorType, errorMessage, trace}), by its rules: a native
 * Error or an error-like object by its name, message and stack (DEL written %7F); any other value
 * by its typeof and toString() ("object", "[object Object]"); 'handled' when those cannot be read.
 */
function toRapidResponse(error) {
  try {
    if (util.types.isNativeError(error) || isErrorLike(error)) {
      return {
        errorType: error.name?.replaceAll('\x7F', '%7F'),
        errorMessage: error.message?.replaceAll('\x7F', '%7F'),
        trace: error.stack.replaceAll('\x7F', '%7F').split('\n'),
      };
    }
    return { errorType: typeof error, errorMessage: error.toString(), trace: [] };
  } catch (_e) {
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more '
        + 'of its message, name, and stack',
    };
  }
}

/** What the runtime reports for a rejection nobody handled (its name is on the prototype, so the stack shows it). */
class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}
UnhandledPromiseRejection.prototype.name = 'Runtime.UnhandledPromiseRejection';

function send(message) {
  socket.write(JSON.stringify(message) + '\n');
}

function sendError(error, extra) {
  const response = toRapidResponse(error);
  send(Object.assign({ errorType: response.errorType, cause: JSON.stringify(response) }, extra || {}));
}

function initError(type, message, cause) {
  const error = new Error(message);
  error.name = type;
  if (cause && typeof cause.stack === 'string') {
    error.stack = type + ': ' + message + '\n' + cause.stack.split('\n').slice(1).join('\n');
  }
  return error;
}

// console as AWS's runtime patches it: each line carries the time, the request id and the level
function patchConsole() {
  const levels = { log: 'INFO', info: 'INFO', debug: 'DEBUG', warn: 'WARN', error: 'ERROR', trace: 'TRACE' };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => {
      let text = util.format(...args);
      if (method === 'trace') {
        text = util.format('Trace: %s\n%s', text, new Error().stack.split('\n').slice(2).join('\n'));
      }
      process.stdout.write(new Date().toISOString() + '\t' + (currentRequestId || lastRequestId || 'undefined') + '\t' + level
        + '\t' + text + '\n');
    };
  }
  console.fatal = (...args) => process.stdout.write(new Date().toISOString() + '\t'
    + (currentRequestId || lastRequestId || 'undefined') + '\tFATAL\t' + util.format(...args) + '\n');
}

/**
 * Whether the nearest package.json above {@code folder} says "type": "module", as AWS's runtime
 * decides it: the search stops at a node_modules folder, and an unreadable package.json counts as no.
 */
function hasTypeModule(folder) {
  if (folder.endsWith(path.sep + 'node_modules')) {
    return false;
  }
  const packageJson = path.join(folder, 'package.json');
  if (fs.existsSync(packageJson)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
      return pkg !== null && typeof pkg === 'object' && pkg.type === 'module';
    } catch (_e) {
      return false;
    }
  }
  const parent = path.dirname(folder);
  return parent !== folder && hasTypeModule(parent);
}

// As AWS's runtime loads the handler's file: .mjs, and .js under "type": "module", with import()
// (so top-level await works: require() of such a module fails with ERR_REQUIRE_ASYNC_MODULE since
// Node 20.19), the rest with require().
async function loadModule(file) {
  const ext = path.extname(file);
  if (ext === '.mjs' || ext === '.js' && hasTypeModule(path.dirname(file))) {
    return import(url.pathToFileURL(file).href);
  }
  try {
    return require(file);
  } catch (e) {
    if (e && (e.code === 'ERR_REQUIRE_ESM' || e.code === 'ERR_REQUIRE_ASYNC_MODULE')) {
      return import(url.pathToFileURL(file).href);
    }
    throw e;
  }
}

async function loadHandler(file, name) {
  const moduleName = path.basename(file, path.extname(file));
  const fullName = moduleName + '.' + name;
  let module;
  try {
    module = await loadModule(file);
  } catch (e) {
    if (e instanceof SyntaxError) {
      throw initError('Runtime.UserCodeSyntaxError', String(e), e);
    }
    if (e && e.code === 'MODULE_NOT_FOUND' || e && e.code === 'ERR_MODULE_NOT_FOUND') {
      throw initError('Runtime.ImportModuleError', String(e), e);
    }
    throw e;
  }
  let handler = module;
  for (const part of name.split('.')) {
    handler = handler == null ? undefined : handler[part];
  }
  if (handler === undefined) {
    throw initError('Runtime.HandlerNotFound', fullName + ' is undefined or not exported');
  }
  if (typeof handler !== 'function') {
    throw initError('Runtime.HandlerNotFound', fullName + ' is not a function');
  }
  return handler;
}

/** What the runtime reports when the event loop empties while an async handler's promise is unsettled. */
class NodeJsExit extends Error {
  constructor() {
    super('The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a '
      + 'Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes');
  }
}
NodeJsExit.prototype.name = 'Runtime.NodeJsExit';

// The runtime's one 'beforeExit' listener (BeforeExitListener.js), replaced during each call. The
// worker's socket is unreferenced during a call, so 'beforeExit' means the handler's event loop is empty.
const NO_OP = () => {};
let beforeExit = NO_OP;

function isAsync(handler) {
  try {
    return Boolean(handler && handler.constructor && handler.constructor.name === 'AsyncFunction');
  } catch (_e) {
    return false;
  }
}

/**
 * Runs one call as AWS's runtime does (Runtime.js, CallbackContext.js): the call ends when the
 * handler's promise settles, through the callback or context.succeed / fail / done (the first of
 * them wins; the callback's result waits for the empty event loop while
 * context.callbackWaitsForEmptyEventLoop is true), or, when none of these has come by the time the
 * event loop is empty, with null (Runtime.NodeJsExit for an async function). How many parameters
 * the handler declares does not matter.
 */
function invoke(handler, request) {
  return new Promise((resolve) => {
    let answered = false;
    const answer = (failed, value) => {
      beforeExit = NO_OP;
      if (!answered) {
        answered = true;
        socket.ref(); // the worker waits for its next request again
        resolve({ failed, value });
      }
    };
    let waitForEmptyEventLoop = true;
    const rawCallback = (err, result) => {
      beforeExit = NO_OP;
      if (err !== undefined && err !== null) {
        answer(true, err);
      } else if (!waitForEmptyEventLoop) {
        answer(false, result);
      } else { // a timer or socket left open (a connection pool) keeps the call going until the timeout
        beforeExit = () => setImmediate(() => answer(false, result));
      }
    };
    const rawDone = (err, result) => {
      beforeExit = NO_OP;
      if (err !== undefined && err !== null) {
        answer(true, err);
      } else {
        answer(false, result);
      }
    };
    let finished = false;
    const onlyTheFirst = (fn) => (...args) => {
      if (!finished) {
        fn(...args);
        finished = true;
      }
    };
    const callback = onlyTheFirst(rawCallback);
    const deadline = request.deadlineMs;
    const env = process.env;
    const context = {
      get callbackWaitsForEmptyEventLoop() {
        return waitForEmptyEventLoop;
      },
      set callbackWaitsForEmptyEventLoop(value) {
        waitForEmptyEventLoop = value;
      },
      functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
      functionName: env.AWS_LAMBDA_FUNCTION_NAME,
      memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
      clientContext: undefined,
      identity: undefined,
      invokedFunctionArn: request.invokedFunctionArn,
      awsRequestId: request.requestId,
      getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
      succeed: onlyTheFirst((result) => rawDone(null, result)),
      fail: onlyTheFirst((err) => (err === undefined || err === null ? rawDone('handled') : rawDone(err, null))),
      done: onlyTheFirst(rawDone),
    };
    const async = isAsync(handler);
    beforeExit = () => (async ? answer(true, new NodeJsExit()) : answer(false, null));
    let result;
    try {
      result = handler(request.event, context, callback);
    } catch (e) {
      callback(e); // as the runtime does: a thrown undefined or null is no error
      return;
    }
    if (result && result.then && typeof result.then === 'function') {
      result.then(context.succeed, context.fail).catch(context.fail); // rejected with undefined or null: 'handled'
    }
  });
}

function readRequests(onRequest) {
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      onRequest(JSON.parse(line));
    }
  });
  socket.on('end', () => process.exit(0)); // sfn-run is gone
  socket.on('error', () => process.exit(0));
}

async function main() {
  const file = path.resolve(process.argv[2]);
  const name = process.argv[3];
  process.argv.splice(2);
  process.on('SIGINT', () => {}); // Ctrl-C is for sfn-run, which stops its workers itself
  patchConsole();
  socket = net.createConnection(process.env.SFN_RUN_SOCKET);
  delete process.env.SFN_RUN_SOCKET;
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  process.on('beforeExit', () => beforeExit());
  process.on('uncaughtException', (error) => {
    socket.ref();
    console.error('Uncaught Exception', JSON.stringify(toRapidResponse(error)));
    if (currentRequestId !== null) {
      sendError(error, { exit: true });
    }
    socket.end(() => process.exit(129));
  });
  process.on('unhandledRejection', (reason) => {
    socket.ref();
    let error;
    try {
      error = new UnhandledPromiseRejection(reason);
    } catch (_e) { // a reason with no string form (a Symbol)
      error = new UnhandledPromiseRejection(String(reason));
    }
    console.error('Unhandled Promise Rejection', JSON.stringify(toRapidResponse(error)));
    if (currentRequestId !== null) {
      sendError(error, { exit: true });
    }
    socket.end(() => process.exit(128));
  });
  let handler = null;
  let loadError = null;
  try {
    handler = await loadHandler(file, name);
    send({ ready: true });
  } catch (e) {
    loadError = e;
    const response = toRapidResponse(e);
    send({ initError: response.errorType, cause: JSON.stringify(response) });
  }
  let queue = Promise.resolve();
  readRequests((request) => {
    queue = queue.then(async () => {
      currentRequestId = request.requestId;
      lastRequestId = request.requestId;
      if (loadError !== null) {
        sendError(loadError);
        currentRequestId = null;
        return;
      }
      socket.unref(); // during the call only the handler's own work keeps the event loop alive
      const outcome = await invoke(handler, request);
      if (outcome.failed) {
        sendError(outcome.value);
      } else {
        let text;
        try {
          text = JSON.stringify(outcome.value === undefined ? null : outcome.value);
          if (text === undefined) { // a function or a symbol
            text = 'null';
          }
        } catch (_e) {
          text = null;
          sendError(new Error('Unable to stringify response body'));
        }
        if (text !== null) {
          socket.write('{"result":' + text + '}\n');
        }
      }
      currentRequestId = null;
    });
  });
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
