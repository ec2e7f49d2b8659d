#!/usr/bin/env python3
"""Writes src/main/resources/dev/sfnrun/teststate/shapes/SERVICE.json: the response shapes of the AWS
operations a Task state's mocked result is checked against (TestState's fieldValidationMode),
taken from botocore's service models (Apache-2.0), keeping only what the check needs: each
operation's output shape and the shapes it reaches (type, members, required, min, max, enum).

    python3 src/tools/teststate-shapes.py            # needs `pip install botocore`
"""
import gzip, json, os, sys
import botocore

SERVICES = ["lambda", "sqs", "sns", "dynamodb", "s3", "ecs", "events", "stepfunctions", "kms", "batch",
            "glue", "athena", "secretsmanager", "ssm", "eks", "codebuild", "emr", "bedrock-runtime", "apigateway"]
KEEP = ("type", "min", "max", "enum")

def load(service):
    root = os.path.join(os.path.dirname(botocore.__file__), "data", service)
    version = sorted(os.listdir(root))[-1]
    path = os.path.join(root, version, "service-2.json")
    if os.path.exists(path + ".gz"):
        with gzip.open(path + ".gz", "rt") as f:
            return json.load(f)
    with open(path) as f:
        return json.load(f)

def main():
    out = {}
    for service in SERVICES:
        model = load(service)
        shapes, operations, keep = model["shapes"], {}, {}
        def visit(name):
            if name in keep:
                return
            shape = shapes[name]
            slim = {k: shape[k] for k in KEEP if k in shape}
            keep[name] = slim
            if shape["type"] == "structure":
                slim["members"] = {m: v["shape"] for m, v in shape.get("members", {}).items()}
                if shape.get("required"):
                    slim["required"] = shape["required"]
                for v in shape.get("members", {}).values():
                    visit(v["shape"])
            elif shape["type"] == "list":
                slim["member"] = shape["member"]["shape"]
                visit(shape["member"]["shape"])
            elif shape["type"] == "map":
                slim["value"] = shape["value"]["shape"]
                visit(shape["value"]["shape"])
        for op, spec in model["operations"].items():
            if "output" in spec:
                operations[op] = spec["output"]["shape"]
                visit(spec["output"]["shape"])
        out[service] = {"operations": operations, "shapes": keep}
    folder = "src/main/resources/dev/sfnrun/teststate/shapes"
    os.makedirs(folder, exist_ok=True)
    for service, data in out.items():
        with open(os.path.join(folder, service + ".json"), "w") as f:
            json.dump(data, f, separators=(",", ":"))
    print(folder, sum(len(s["operations"]) for s in out.values()), "operations")

main()
