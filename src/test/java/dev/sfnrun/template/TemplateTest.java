package dev.sfnrun.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.process.HandlerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates with each intrinsic form and each definition form, and bad templates. */
class TemplateTest {
    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.toString();
    }

    private static LoadedMachine load(String template, String id) {
        return DefinitionSource.template(template, id, TemplateOptions.defaults(), Map.of());
    }

    private static String at(LoadedMachine machine, String pointer) {
        return machine.definition().at(pointer).asText();
    }

    private static final String INTRINSICS = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
                Default: dev
                AllowedValues: [dev, prod]
              Prefix:
                Type: String
                Default: orders
              Zones:
                Type: CommaDelimitedList
                Default: a,b
            Mappings:
              Sizes:
                dev: {Items: "10"}
                prod: {Items: "1000"}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Globals:
              Function:
                Runtime: python3.12
                Timeout: 7
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "${Prefix}-${Stage}"
              Queue:
                Type: AWS::SQS::Queue
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
              Named:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: !Join ["-", [named, !Ref Stage]]
                  Handler: app.handler
              Machine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Definition:
                    StartAt: A
                    States:
                      A:
                        Type: Pass
                        Parameters:
                          ref.$: "$.x"
                          table: !Ref Table
                          tableLong: {Ref: Table}
                          tableArn: !GetAtt Table.Arn
                          tableArnList: !GetAtt [Table, Arn]
                          tableArnLong: {"Fn::GetAtt": [Table, Arn]}
                          queueUrl: !Ref Queue
                          queueArn: !GetAtt Queue.Arn
                          worker: !Ref Worker
                          workerArn: !GetAtt Worker.Arn
                          named: !GetAtt Named.Arn
                          role: !GetAtt WorkerRole.Arn
                          sub: !Sub "${AWS::Region}/${AWS::AccountId}/${AWS::Partition}/${AWS::StackName}/${Table}/${Worker.Arn}/${!Literal}"
                          subList: !Sub ["${a}-${b}-${Stage}", {a: !Ref Queue, b: 2}]
                          subLong: {"Fn::Sub": "${Stage}"}
                          join: !Join [",", [!Ref Stage, x, !Select [1, !Ref Zones]]]
                          joinLong: {"Fn::Join": ["", [a, {Ref: Stage}]]}
                          split: !Select [0, !Split ["-", "p-q"]]
                          if: !If [IsProd, big, small]
                          map: !FindInMap [Sizes, !Ref Stage, Items]
                          machine: !Ref Machine
                        End: true
            """;

    @Test
    void everyIntrinsicFormResolves() throws IOException {
        LoadedMachine machine = load(write("template.yaml", INTRINSICS), null);
        String p = "/States/A/Parameters/";
        assertEquals("$.x", at(machine, p + "ref.$"));
        assertEquals("orders-dev", at(machine, p + "table"));
        assertEquals("orders-dev", at(machine, p + "tableLong"));
        assertEquals("arn:aws:dynamodb:us-east-1:123456789012:table/orders-dev", at(machine, p + "tableArn"));
        assertEquals(at(machine, p + "tableArn"), at(machine, p + "tableArnList"));
        assertEquals(at(machine, p + "tableArn"), at(machine, p + "tableArnLong"));
        assertEquals("https://sqs.us-east-1.amazonaws.com/123456789012/Queue", at(machine, p + "queueUrl"));
        assertEquals("arn:aws:sqs:us-east-1:123456789012:Queue", at(machine, p + "queueArn"));
        assertEquals("Worker", at(machine, p + "worker"));
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:Worker", at(machine, p + "workerArn"));
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:named-dev", at(machine, p + "named"));
        assertEquals("arn:aws:iam::123456789012:role/WorkerRole", at(machine, p + "role"));
        assertEquals("us-east-1/123456789012/aws/sfn-run-local/orders-dev/"
                + "arn:aws:lambda:us-east-1:123456789012:function:Worker/${Literal}", at(machine, p + "sub"));
        assertEquals("https://sqs.us-east-1.amazonaws.com/123456789012/Queue-2-dev", at(machine, p + "subList"));
        assertEquals("dev", at(machine, p + "subLong"));
        assertEquals("dev,x,b", at(machine, p + "join"));
        assertEquals("adev", at(machine, p + "joinLong"));
        assertEquals("p", at(machine, p + "split"));
        assertEquals("small", at(machine, p + "if"));
        assertEquals("10", at(machine, p + "map"));
        assertEquals("arn:aws:states:us-east-1:123456789012:stateMachine:Machine", at(machine, p + "machine"));
        assertEquals("Machine", machine.name());
        assertEquals(dir.resolve("template.yaml").toString(), machine.source());
        // an inline definition's values are placed in the template
        int line = INTRINSICS.substring(0, INTRINSICS.indexOf("table: !Ref Table")).split("\n", -1).length;
        assertEquals(line, machine.document().sourceMap().position("/States/A/Parameters/table").line());
    }

    @Test
    void overridesRegionAndAccountChangeTheStandIns() throws IOException {
        String file = write("template.yaml", INTRINSICS);
        LoadedMachine machine = DefinitionSource.template(file, "Machine",
                new TemplateOptions("cn-north-1", "999999999999", "stack", Map.of("Stage", "prod")), Map.of());
        String p = "/States/A/Parameters/";
        assertEquals("arn:aws-cn:dynamodb:cn-north-1:999999999999:table/orders-prod", at(machine, p + "tableArn"));
        assertEquals("big", at(machine, p + "if"));
        assertEquals("1000", at(machine, p + "map"));
        assertTrue(at(machine, p + "sub").startsWith("cn-north-1/999999999999/aws-cn/stack/"));
        TemplateException refused = assertThrows(TemplateException.class, () -> DefinitionSource.template(file, null,
                new TemplateOptions("us-east-1", "1", null, Map.of("Stage", "qa")), Map.of()));
        assertEquals(file + ": Parameters.Stage: 'qa' is not one of the AllowedValues [\"dev\",\"prod\"]", refused.getMessage());
    }

    @Test
    void functionsAreBoundByNameWithGlobals() throws IOException {
        write("src/app.py", "def handler(event, context):\n    return event\n");
        write("js/index.mjs", "export const handler = async (e) => e;\n");
        String file = write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Level: {Type: String, Default: debug}
                Globals:
                  Function:
                    Timeout: 5
                    Environment:
                      Variables: {SHARED: one, LEVEL: !Ref Level}
                Resources:
                  Py:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/
                      Handler: app.handler
                      Runtime: python3.9
                      Environment:
                        Variables: {OWN: !Sub "${AWS::Region}", SHARED: two}
                  Js:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: my-js
                      CodeUri: js
                      Handler: index.handler
                      Runtime: nodejs20.x
                      Timeout: 0.5
                  Jv:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: com.example.Charge::handleRequest
                      Runtime: java21
                      Code: build/
                  Go:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: go/, Handler: bootstrap, Runtime: provided.al2023}
                  Remote:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      Code: {S3Bucket: b, S3Key: k}
                  M:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition: {StartAt: A, States: {A: {Type: Succeed}}}
                """);
        LoadedMachine machine = load(file, null);
        HandlerSpec py = machine.functions().handlers().get("Py");
        assertEquals(HandlerSpec.Language.PYTHON, py.language());
        assertEquals(dir.resolve("src/app.py"), py.file());
        assertEquals("handler", py.function());
        assertEquals(Map.of("SHARED", "two", "LEVEL", "debug", "OWN", "us-east-1"), py.environment());
        assertEquals(Duration.ofSeconds(5), py.timeout());
        assertEquals("python3.9", py.runtime());
        assertEquals(file + " Resources.Py", py.origin());
        HandlerSpec js = machine.functions().handlers().get("my-js");
        assertEquals(HandlerSpec.Language.NODE, js.language());
        assertEquals(dir.resolve("js/index.mjs"), js.file());
        assertEquals(Duration.ofMillis(500), js.timeout());
        assertEquals(Map.of("SHARED", "one", "LEVEL", "debug"), js.environment());
        assertEquals(Map.of("Jv", "com.example.Charge::handleRequest"), machine.functions().java());
        assertEquals(List.of("Py", "my-js"), new ArrayList<>(machine.functions().handlers().keySet()));
        assertEquals(2, machine.notes().size(), machine.notes().toString());
        assertTrue(machine.notes().get(0).contains("Resources.Go: runtime provided.al2023 does not run locally"));
        assertTrue(machine.notes().get(1).contains("Resources.Remote: Resources.Remote.Properties.Code is not a local path"));
        // explicit --task bindings win, by name or ARN
        List<String> explicit = List.of("arn:aws:lambda:us-east-1:123456789012:function:Py=x.Y", "Jv=com.example.Other");
        assertEquals(List.of("my-js"), new ArrayList<>(machine.functions().handlers(explicit).keySet()));
        assertEquals(explicit, machine.functions().bindings(explicit));
        assertEquals(List.of("Jv=com.example.Charge::handleRequest"), machine.functions().bindings(List.of()));
    }

    @Test
    void definitionFormsAllLoad() throws IOException {
        write("defs/uri.asl.yaml", "StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: ${Fn}\n    End: true\n");
        write("defs/s3.asl.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": \"${Table}\", \"End\": true}}}");
        String file = write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties: {Handler: a.b, Runtime: python3.12, Code: .}
                  Table:
                    Type: AWS::DynamoDB::Table
                  ByUri:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: defs/uri.asl.yaml
                      DefinitionSubstitutions:
                        Fn: !GetAtt Fn.Arn
                  ByS3Location:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      StateMachineName: cfn-machine
                      DefinitionS3Location: defs/s3.asl.json
                      DefinitionSubstitutions:
                        Table: {Ref: Table}
                  BySub:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: !Sub |
                        {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${Fn.Arn}", "End": true}}}
                  ByJoin:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString:
                        Fn::Join:
                          - ""
                          - - '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "'
                            - {"Fn::GetAtt": [Table, Arn]}
                            - '", "End": true}}}'
                """);
        String fn = "arn:aws:lambda:us-east-1:123456789012:function:Fn";
        LoadedMachine byUri = load(file, "ByUri");
        assertEquals(fn, at(byUri, "/States/A/Resource"));
        assertTrue(byUri.source().endsWith("defs/uri.asl.yaml"), byUri.source());
        assertEquals(5, byUri.document().sourceMap().position("/States/A/Resource").line());
        LoadedMachine byS3 = load(file, "ByS3Location");
        assertEquals("Table", at(byS3, "/States/A/Result"));
        assertEquals("cfn-machine", byS3.name());
        assertEquals(fn, at(load(file, "BySub"), "/States/A/Resource"));
        assertTrue(load(file, "BySub").source().endsWith("template.yaml Resources.BySub.Properties.DefinitionString"));
        assertEquals("arn:aws:dynamodb:us-east-1:123456789012:table/Table", at(load(file, "ByJoin"), "/States/A/Result"));
        assertTrue(load(file, "ByUri").unbound().isEmpty());
        TemplateException several = assertThrows(TemplateException.class, () -> load(file, null));
        assertEquals(file + ": 4 state machines (ByUri, ByS3Location, BySub, ByJoin): choose one with --state-machine LOGICAL_ID",
                several.getMessage());
        TemplateException unknown = assertThrows(TemplateException.class, () -> load(file, "Nope"));
        assertEquals(file + ": no state machine 'Nope' in Resources (state machines: ByUri, ByS3Location, BySub, ByJoin)",
                unknown.getMessage());
        Template template = Template.read(file, TemplateOptions.defaults());
        assertEquals(4, template.stateMachineIds().stream().map(id -> template.machine(id, Map.of())).toList().size());
    }

    private String bad(String machineProperties) throws IOException {
        return write("bad.yaml", """
                Parameters:
                  NoDefault: {Type: String}
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties: {Handler: a.b, Runtime: python3.12, Code: .}
                  MyMachine:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                """ + machineProperties.indent(6));
    }

    private String refusal(String machineProperties) throws IOException {
        String file = bad(machineProperties);
        String message = assertThrows(TemplateException.class, () -> load(file, null)).getMessage();
        assertTrue(message.startsWith(file + ": "), message);
        return message.substring(file.length() + 2);
    }

    @Test
    void badTemplatesNameTheTemplatePath() throws IOException {
        String definition = "Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}\n";
        assertEquals("Resources.MyMachine.Properties.DefinitionSubstitutions.TableName: Ref to 'Orders', which is not"
                + " a parameter, pseudo parameter or resource of the template",
                refusal(definition + "DefinitionSubstitutions:\n  TableName: !Ref Orders\n"));
        assertTrue(refusal(definition + "DefinitionSubstitutions:\n  T: !ImportValue shared-table\n")
                .startsWith("Resources.MyMachine.Properties.DefinitionSubstitutions.T: Fn::ImportValue"
                        + " reads another stack's exports"));
        assertEquals("Resources.MyMachine.Properties.DefinitionSubstitutions.T: Fn::GetAtt of 'Nope',"
                + " which is not a resource of the template",
                refusal(definition + "DefinitionSubstitutions:\n  T: !GetAtt Nope.Arn\n"));
        assertEquals("Parameters.NoDefault: the parameter has no Default; give its value with --parameter-overrides"
                + " NoDefault=VALUE", refusal(definition + "DefinitionSubstitutions:\n  T: !Sub '${NoDefault}'\n"));
        assertEquals("Resources.MyMachine.Properties.DefinitionS3Location: no such file",
                refusal("DefinitionS3Location: missing.asl.json\n").replaceAll(": [^:]*missing.asl.json", ""));
        assertTrue(refusal("DefinitionS3Location: {Bucket: b, Key: k}\n").startsWith(
                "Resources.MyMachine.Properties.DefinitionS3Location: an S3 location (Bucket, Key) cannot be read locally"));
        assertEquals("Resources.MyMachine.Properties: the state machine has no Definition, DefinitionUri,"
                + " DefinitionS3Location or DefinitionString", refusal("RoleArn: x\n"));
        assertEquals("Resources.MyMachine.Properties: give one of Definition, DefinitionString, not several",
                refusal(definition + "DefinitionString: '{}'\n"));
        String file = bad("DefinitionString: !Sub '{\"StartAt\": \"${Fn.Arn}\",'\n");
        String notJson = assertThrows(TemplateException.class, () -> load(file, null)).getMessage();
        assertTrue(notJson.startsWith(file + ": Resources.MyMachine.Properties.DefinitionString: not valid JSON"
                + " at line 1, column 65 of the string: Unexpected end-of-input"), notJson);
        assertEquals("Resources.MyMachine.Properties.DefinitionString: Fn::Cidr cannot be resolved locally",
                refusal("DefinitionString: !Cidr [x, 1, 2]\n"));
        String missingFile = refusal("DefinitionS3Location: missing.asl.json\n");
        assertTrue(missingFile.contains("missing.asl.json: no such file"), missingFile);
    }

    @Test
    void notATemplate() throws IOException {
        String list = write("list.yaml", "- a\n- b\n");
        assertEquals(list + ": not a SAM or CloudFormation template (expected a mapping with Resources)",
                assertThrows(TemplateException.class, () -> load(list, null)).getMessage());
        String none = write("none.yaml", "Resources:\n  T: {Type: AWS::SNS::Topic}\n");
        assertTrue(assertThrows(TemplateException.class, () -> load(none, null)).getMessage()
                .startsWith(none + ": no state machine"));
        String broken = write("broken.yaml", "Resources:\n  M: {Type: x\n");
        TemplateException e = assertThrows(TemplateException.class, () -> load(broken, null));
        assertTrue(e.getMessage().matches(".*broken\\.yaml:\\d+:\\d+: not valid YAML: .*"), e.getMessage());
        assertEquals(dir.resolve("absent.yaml") + ": no such file",
                assertThrows(TemplateException.class, () -> load(dir.resolve("absent.yaml").toString(), null)).getMessage());
    }

    @Test
    void placeholdersAreSubstitutedInTheText() {
        String text = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Task\", \"Resource\": \"${Fn}\","
                + " \"Parameters\": {\"t\": \"x-${T}-${T}\", \"q\": \"$${Q}\"}, \"End\": true}}}";
        JsonNode definition = DefinitionSource.text("d.json", text,
                Map.of("Fn", "arn:aws:lambda:us-east-1:1:function:F", "T", "a\\\"b")).definition();
        assertEquals("arn:aws:lambda:us-east-1:1:function:F", definition.at("/States/A/Resource").asText());
        assertEquals("x-a\"b-a\"b", definition.at("/States/A/Parameters/t").asText()); // the value is JSON text
        // a bare quote ends the string in the text, as it does on AWS; the error is placed where ${T} is written
        TemplateException quote = assertThrows(TemplateException.class,
                () -> DefinitionSource.text("d.json", text, Map.of("T", "a\"b")));
        assertEquals("d.json:1:" + (text.indexOf("${T}") + 1) + ": not valid JSON: Unexpected character ('b' (code 98)):"
                + " was expecting comma to separate Object entries", quote.getMessage());
        LoadedMachine partial = DefinitionSource.text("d.json",
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Task\", \"Resource\": \"${Fn}\","
                        + " \"Parameters\": {\"q\": \"${Q}\", \"r\": \"${Fn}\"}, \"End\": true}}}", Map.of());
        assertEquals(List.of("Fn", "Q"), partial.unboundNames());
        assertEquals(3, partial.unbound().size());
        TemplateException refused = assertThrows(TemplateException.class, partial::requireBound);
        assertEquals("d.json: placeholders without a value: ${Fn}, ${Q}; give them with --substitution NAME=VALUE"
                + " or --substitutions FILE", refused.getMessage());
        assertNull(DefinitionSource.text("d.json", "{\"a\": 1}", Map.of()).unbound().stream().findAny().orElse(null));
    }

    /** Resources R0..R(n-1), each named by {@code name} of the next ({@code %s} its logical id), the last {@code t}. */
    private String chain(int n, String name) throws IOException {
        StringBuilder text = new StringBuilder("Resources:\n");
        for (int i = 0; i < n; i++) {
            text.append("  R").append(i).append(":\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: ")
                    .append(i < n - 1 ? name.replace("%s", "R" + (i + 1)) : "t").append('\n');
        }
        text.append("  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n"
                + "        StartAt: P\n        States:\n          P: {Type: Pass, Result: !Ref R0, End: true}\n");
        return write("chain.yaml", text.toString());
    }

    @Test
    void namesReferringToNamesTwiceOverResolveOnceAndStayWithin1MiB() throws IOException {
        // each name was resolved afresh at every reference: 2^40 resolutions (a hang) for 40 resources
        String select = chain(40, "!Select [0, [!Ref %s, !Ref %s]]");
        LoadedMachine machine = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> load(select, null));
        assertEquals("t", at(machine, "/States/P/Result"));
        // and a name twice the next one's doubles 40 times: refused once it passes 1 MiB, naming the resource
        String sub = chain(40, "!Sub \"${%s}${%s}\"");
        TemplateException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(TemplateException.class, () -> load(sub, null)));
        assertEquals(sub + ": Resources.R18.Properties.TableName: Fn::Sub builds a string of more than 1048576 characters"
                + " (1 MiB, the most a CloudFormation template or a state machine definition holds)", e.getMessage());
        String join = chain(40, "!Join ['', [!Ref %s, !Ref %s]]");
        assertEquals(join + ": Resources.R18.Properties.TableName: Fn::Join builds a string of more than 1048576 characters"
                + " (1 MiB, the most a CloudFormation template or a state machine definition holds)",
                assertThrows(TemplateException.class, () -> load(join, null)).getMessage());
    }

    @Test
    void longReferenceChainsMeetTheDepthBoundNotAStackOverflow() throws IOException {
        // the depth restarted at each condition or resource name: 10,000 conditions overflowed the stack (exit 3)
        StringBuilder conditions = new StringBuilder("Conditions:\n");
        for (int i = 0; i < 10_000; i++) {
            conditions.append("  C").append(i).append(i < 9_999 ? ": !Condition C" + (i + 1) : ": !Equals [a, a]").append('\n');
        }
        conditions.append("Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n"
                + "      Definition: {StartAt: P, States: {P: {Type: Pass, Result: !If [C0, yes, no], End: true}}}\n");
        String file = write("conditions.yaml", conditions.toString());
        TemplateException e = assertThrows(TemplateException.class, () -> load(file, null));
        assertEquals(file + ": Conditions.C248: conditions nested more than 500 levels deep (counting the conditions they"
                + " refer to, and theirs)", e.getMessage());
        String names = chain(5_000, "!GetAtt %s.TableName");
        assertEquals(names + ": Resources.R496.Properties.TableName: nested more than 500 levels deep (counting its mappings and lists, its intrinsic functions"
                + " and the resource names and conditions they refer to, and theirs)",
                assertThrows(TemplateException.class, () -> load(names, null)).getMessage());
        // a chain of a few dozen, as real templates have, resolves
        assertEquals("t", at(load(chain(60, "!Ref %s"), null), "/States/P/Result"));
    }

    @Test
    void noValueInAnFnIfRemovesThePropertyWhereverItIsRead() throws IOException {
        // the property was present with the value "nothing": "expected a string, found nothing", exit 2
        write("src/app.py", "def handler(e, c):\n    return e\n");
        String file = write("novalue.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage: {Type: String, Default: dev}
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                Globals:
                  Function:
                    Environment:
                      Variables: {SHARED: g}
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !If [IsProd, prod-topic, !Ref AWS::NoValue]
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: !If [IsProd, prod-fn, !Ref AWS::NoValue]
                      CodeUri: src/
                      Handler: app.handler
                      Runtime: python3.12
                      Timeout: !If [IsProd, 30, !Ref AWS::NoValue]
                      Environment: !If [IsProd, {Variables: {OWN: prod}}, !Ref AWS::NoValue]
                  M:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      StateMachineName: !If [IsProd, prod-machine, !Ref AWS::NoValue]
                      StateMachineType: !If [IsProd, EXPRESS, !Ref AWS::NoValue]
                      Definition: !If
                        - IsProd
                        - !Ref AWS::NoValue
                        - StartAt: P
                          States:
                            P: {Type: Pass, Result: !Ref Topic, End: true}
                      DefinitionS3Location: !If [IsProd, prod.asl.json, !Ref AWS::NoValue]
                """);
        LoadedMachine dev = load(file, null);
        assertEquals("M", dev.name());
        assertNull(dev.type());
        assertEquals("arn:aws:sns:us-east-1:123456789012:Topic", at(dev, "/States/P/Result"));
        // the chosen branch's values keep their place in the template
        String text = Files.readString(Path.of(file));
        assertEquals(text.substring(0, text.indexOf("P: {Type: Pass")).split("\n", -1).length,
                dev.document().sourceMap().position("/States/P").line());
        HandlerSpec fn = dev.functions().handlers().get("Fn");
        assertNull(fn.timeout()); // Lambda's default
        assertEquals(Map.of("SHARED", "g"), fn.environment());
        write("prod.asl.json", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
        LoadedMachine prod = DefinitionSource.template(file, null,
                new TemplateOptions("us-east-1", "123456789012", null, Map.of("Stage", "prod")), Map.of());
        assertEquals("prod-machine", prod.name());
        assertEquals("EXPRESS", prod.type());
        assertTrue(prod.source().endsWith("prod.asl.json"), prod.source());
        HandlerSpec prodFn = prod.functions().handlers().get("prod-fn");
        assertEquals(Duration.ofSeconds(30), prodFn.timeout());
        assertEquals(Map.of("SHARED", "g", "OWN", "prod"), prodFn.environment());
    }

    @Test
    void definitionSubstitutionsReplaceTheTextBeforeItIsParsedAsCloudFormationDoes() throws IOException {
        // they were replaced inside parsed strings: Seconds "5" (a string), '$' not JSON, keys untouched
        write("wait.asl.yaml", "StartAt: W\nStates:\n  W:\n    Type: Wait\n    Seconds: ${WaitSeconds}\n    End: true\n");
        String json = "{\"StartAt\": \"W\",\n \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": ${WaitSeconds},"
                + " \"End\": true}}}";
        write("wait.asl.json", json);
        String file = write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Yaml:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: wait.asl.yaml
                      DefinitionSubstitutions: {WaitSeconds: 5}
                  Json:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionS3Location: wait.asl.json
                      DefinitionSubstitutions: {WaitSeconds: 7}
                  Keys:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition:
                        StartAt: ${Prefix}Step
                        States:
                          ${Prefix}Step: {Type: Pass, Result: "${A}", End: true}
                      DefinitionSubstitutions: {Prefix: My, A: "${B}", B: again}
                  String:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: '{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": ${S}, "End": true}}}'
                      DefinitionSubstitutions: {S: 9}
                  Loop:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition: {StartAt: P, States: {P: {Type: Pass, Result: "${A}", End: true}}}
                      DefinitionSubstitutions: {A: "${B}", B: "${A}"}
                """);
        LoadedMachine yaml = load(file, "Yaml");
        assertTrue(yaml.definition().at("/States/W/Seconds").isInt());
        assertEquals(5, yaml.definition().at("/States/W/Seconds").asInt());
        assertEquals(new dev.sfnrun.definition.validate.SourceMap.Position(5, 5),
                yaml.document().sourceMap().position("/States/W/Seconds"));
        LoadedMachine fromJson = load(file, "Json");
        assertEquals(7, fromJson.definition().at("/States/W/Seconds").asInt());
        // a value after the replaced one keeps its column as written
        assertEquals(new dev.sfnrun.definition.validate.SourceMap.Position(2, json.indexOf("\"End\"") - json.indexOf('\n')),
                fromJson.document().sourceMap().position("/States/W/End"));
        LoadedMachine keys = load(file, "Keys");
        assertEquals("MyStep", at(keys, "/StartAt"));
        assertEquals("again", at(keys, "/States/MyStep/Result")); // replaced again, as replaceEachRepeatedly does
        String text = Files.readString(Path.of(file));
        assertEquals(text.substring(0, text.indexOf("${Prefix}Step: {")).split("\n", -1).length,
                keys.document().sourceMap().position("/States/MyStep").line());
        assertTrue(keys.validate().diagnostics().isEmpty(), keys.validate().diagnostics().toString());
        assertEquals(9, load(file, "String").definition().at("/States/W/Seconds").asInt());
        assertEquals(file + ": Resources.Loop.Properties.DefinitionSubstitutions: DefinitionSubstitutions go on producing"
                + " placeholders after 3 passes (values that lead back to each other); CloudFormation's handler gives up on"
                + " them too", assertThrows(TemplateException.class, () -> load(file, "Loop")).getMessage());
        // a JSON file that a replacement leaves broken is placed where it is broken in the file as written
        String missingComma = json.replace(", \"End\": true", " \"End\": true");
        write("wait.asl.json", missingComma);
        TemplateException broken = assertThrows(TemplateException.class, () -> load(file, "Json"));
        assertTrue(broken.getMessage().contains("wait.asl.json:2:" + (missingComma.indexOf("\"End\"") - missingComma.indexOf('\n'))
                + ": not valid JSON: Unexpected character ('\"'"), broken.getMessage());
    }

    @Test
    void aFunctionWhoseCodeIsNotADirectoryIsLeftUnboundWithANote() throws IOException {
        // "CodeUri: no directory other.zip" refused the whole template, though no Task called the function
        write("src/app.py", "def handler(e, c):\n    return e\n");
        write("other.zip", "");
        String file = write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Used: {Type: AWS::Serverless::Function, Properties: {CodeUri: src/, Handler: app.handler, Runtime: python3.12}}
                  Zip: {Type: AWS::Serverless::Function, Properties: {CodeUri: other.zip, Handler: app.handler, Runtime: python3.12}}
                  Dist: {Type: AWS::Lambda::Function, Properties: {Code: dist/, Handler: app.handler, Runtime: nodejs20.x}}
                  M:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition: {StartAt: T, States: {T: {Type: Task, Resource: !GetAtt Used.Arn, End: true}}}
                """);
        LoadedMachine machine = load(file, null);
        assertEquals(List.of("Used"), new ArrayList<>(machine.functions().handlers().keySet()));
        assertEquals(List.of(file + " Resources.Zip: Resources.Zip.Properties.CodeUri: " + Template.display(dir.resolve("other.zip"))
                        + " is not a directory (a .zip is run on Lambda, not locally): not bound",
                file + " Resources.Dist: Resources.Dist.Properties.Code: " + Template.display(dir.resolve("dist"))
                        + " does not exist (not built yet?): not bound"), machine.notes());
    }

    @Test
    void aResourceWhoseConditionIsFalseIsNotCreated() throws IOException {
        // its Condition was ignored: "2 state machines (Main, DebugMachine)", and the absent machine could run
        write("src/app.py", "def handler(e, c):\n    return e\n");
        String file = write("template.yaml", """
                Parameters:
                  Env: {Type: String, Default: prod}
                Conditions:
                  IsDev: !Equals [!Ref Env, dev]
                Resources:
                  DebugFn:
                    Type: AWS::Serverless::Function
                    Condition: IsDev
                    Properties: {CodeUri: src/, Handler: app.handler, Runtime: python3.12}
                  Main:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition:
                        StartAt: P
                        States:
                          P: {Type: Pass, Result: !If [IsDev, !GetAtt DebugFn.Arn, main], End: true}
                  DebugMachine:
                    Type: AWS::StepFunctions::StateMachine
                    Condition: IsDev
                    Properties:
                      Definition:
                        StartAt: P
                        States:
                          P: {Type: Pass, Result: !Ref DebugFn, End: true}
                  Careless:
                    Type: AWS::StepFunctions::StateMachine
                    Condition: IsProd
                    Properties:
                      Definition:
                        StartAt: P
                        States:
                          P: {Type: Pass, Result: !GetAtt DebugFnRole.Arn, End: true}
                """.replace("IsProd", "IsNotDev").replace("Conditions:\n", "Conditions:\n  IsNotDev: !Not [Condition: IsDev]\n"));
        Template template = Template.read(file, TemplateOptions.defaults());
        assertEquals(List.of("Main", "Careless"), template.stateMachineIds());
        LoadedMachine main = load(file, "Main");
        assertEquals("main", at(main, "/States/P/Result"));
        assertTrue(main.functions().handlers().isEmpty(), main.functions().handlers().toString());
        assertEquals(file + ": the state machine 'DebugMachine' is not created: its Condition IsDev is false under these"
                + " parameters (state machines: Main, Careless)",
                assertThrows(TemplateException.class, () -> load(file, "DebugMachine")).getMessage());
        assertEquals(file + ": Resources.Careless.Properties.Definition.States.P.Result: Fn::GetAtt of 'DebugFnRole', which"
                + " is not created: its Condition IsDev is false under these parameters (guard the reference with"
                + " Fn::If [IsDev, ...])", assertThrows(TemplateException.class, () -> load(file, "Careless")).getMessage());
        TemplateOptions dev = new TemplateOptions("us-east-1", "123456789012", null, Map.of("Env", "dev"));
        assertEquals(List.of("Main", "DebugMachine"), Template.read(file, dev).stateMachineIds());
        LoadedMachine debug = DefinitionSource.template(file, "DebugMachine", dev, Map.of());
        assertEquals("DebugFn", at(debug, "/States/P/Result"));
        assertEquals(List.of("DebugFn"), new ArrayList<>(debug.functions().handlers().keySet()));
    }

    @Test
    void theTemplatesMachineNameFollowsAwssRule() throws IOException {
        // "my machine!", "" and "a/b:c" were used in ARNs unchecked, while --state-machine-name refuses them
        String rule = "AWS accepts 1 to 80 characters and no whitespace, control characters or any of <>{}[]?*\"#%\\^|~`$&,;:/";
        for (String name : new String[] {"my machine!", "", "a/b:c", "x".repeat(81)}) {
            String file = write("named.yaml", "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n"
                    + "      StateMachineName: '" + name + "'\n      Definition: {StartAt: P, States: {P: {Type: Pass, End: true}}}\n");
            assertEquals(file + ": Resources.M.Properties.StateMachineName: '" + name + "': " + rule,
                    assertThrows(TemplateException.class, () -> load(file, null)).getMessage());
        }
        String sam = write("sam.yaml", "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
                + "      Name: !Sub '${AWS::StackName} orders'\n      Definition: {StartAt: P, States: {P: {Type: Pass, End: true}}}\n");
        assertEquals(sam + ": Resources.M.Properties.Name: 'sfn-run-local orders': " + rule,
                assertThrows(TemplateException.class, () -> load(sam, null)).getMessage());
        String fine = write("fine.yaml", "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n"
                + "      StateMachineName: " + "x".repeat(80) + "\n      Definition: {StartAt: P, States: {P: {Type: Pass, End: true}}}\n");
        assertEquals("x".repeat(80), load(fine, null).name());
    }

    @Test
    void aHandlerWithDotDotIsRefusedAsLambdasRuntimesRefuseIt() throws IOException {
        // Handler: ../../outside.handler ran outside.js from outside CodeUri, the task root
        write("outside.js", "exports.handler = async () => 1;\n");
        for (String runtime : new String[] {"nodejs20.x", "python3.12"}) {
            String file = write("template.yaml", """
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      F:
                        Type: AWS::Serverless::Function
                        Properties: {CodeUri: code/, Handler: ../outside.handler, Runtime: RUNTIME}
                      M:
                        Type: AWS::StepFunctions::StateMachine
                        Properties:
                          Definition: {StartAt: T, States: {T: {Type: Task, Resource: !GetAtt F.Arn, End: true}}}
                    """.replace("RUNTIME", runtime));
            Files.createDirectories(dir.resolve("code"));
            String message = assertThrows(TemplateException.class, () -> load(file, null)).getMessage();
            assertEquals(file + ": Resources.F.Properties.Handler: '../outside.handler' is not a valid handler name"
                    + (runtime.startsWith("node") ? ". Use absolute paths when specifying root directories in handler names."
                    + " (Lambda's Node.js runtime refuses it: Runtime.MalformedHandlerName)"
                    : ": Lambda's Python runtime imports module.function from under CodeUri and cannot import a module"
                    + " named with '..'"), message);
        }
    }

    private String deepInline(String name, int levels) throws IOException {
        String deep = "1";
        for (int i = 0; i < levels; i++) {
            deep = "{\"a\": " + deep + "}";
        }
        return write(name, "{\"Resources\": {\"M\": {\"Type\": \"AWS::StepFunctions::StateMachine\","
                + " \"Properties\": {\"Definition\": {\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\","
                + " \"End\": true, \"Result\": " + deep + "}}}}}}}");
    }

    @Test
    void anInlineDefinitionNestsAsDeepAsTheTemplateReaderAllows() throws IOException {
        // 201 levels without any intrinsic were refused as "intrinsic functions nested more than 200 levels deep"
        assertEquals(1, load(deepInline("inline.json", 480), null).definition().at("/States/P/Result" + "/a".repeat(480)).asInt());
        String deeper = deepInline("deeper.json", 500);
        assertTrue(assertThrows(TemplateException.class, () -> load(deeper, null)).getMessage()
                .endsWith(": nested more than 500 levels deep"));
    }

    @Test
    void aDefinitionFileIsReadAsJsonThenYamlWhateverItsName() throws IOException {
        // a YAML definition in machine.asl (or .json) was "not valid JSON", though CloudFormation reads it
        write("machine.asl", "StartAt: P\nStates:\n  P: {Type: Pass, Result: ok, End: true}\n");
        write("broken.asl.json", "{\"StartAt\": \"P\",\n \"States\": {\"P\": {\"Type\": \"Pass\" \"End\": true}}}");
        write("broken.asl.yaml", "StartAt: P\nStates: [\n");
        String file = write("template.yaml", """
                Resources:
                  Yaml: {Type: AWS::StepFunctions::StateMachine, Properties: {DefinitionS3Location: machine.asl}}
                  Json: {Type: AWS::StepFunctions::StateMachine, Properties: {DefinitionS3Location: broken.asl.json}}
                  BadYaml: {Type: AWS::StepFunctions::StateMachine, Properties: {DefinitionS3Location: broken.asl.yaml}}
                """);
        LoadedMachine yaml = load(file, "Yaml");
        assertEquals("ok", at(yaml, "/States/P/Result"));
        assertEquals(3, yaml.document().sourceMap().position("/States/P").line());
        String json = assertThrows(TemplateException.class, () -> load(file, "Json")).getMessage();
        assertTrue(json.matches(".*broken\\.asl\\.json:2:\\d+: not valid JSON: Unexpected character.*"), json);
        String badYaml = assertThrows(TemplateException.class, () -> load(file, "BadYaml")).getMessage();
        assertTrue(badYaml.matches(".*broken\\.asl\\.yaml:\\d+:\\d+: not valid YAML: .*"), badYaml);
    }

    @Test
    void aPlaceholderTheTemplateDoesNotSubstituteIsLeftAsWrittenWithANote() throws IOException {
        // Fn::Sub's ${!HOME} gave ${HOME}, then refused as "placeholders without a value", though AWS keeps the text
        String file = write("t.yaml", """
                Resources:
                  M:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition:
                        StartAt: P
                        States:
                          P: {Type: Pass, Result: {script: !Sub "echo ${!HOME} in ${AWS::Region}", t: "${T}"}, End: true}
                      DefinitionSubstitutions: {T: table}
                """);
        LoadedMachine machine = load(file, null);
        assertEquals("echo ${HOME} in us-east-1", at(machine, "/States/P/Result/script"));
        assertEquals("table", at(machine, "/States/P/Result/t"));
        machine.requireBound(); // nothing is missing
        assertEquals(List.of(file + " Resources.M: ${HOME} is not among the DefinitionSubstitutions: left as written, as"
                + " CloudFormation leaves it"), machine.notes());
    }

    @Test
    void aKeyGivenTwiceInAnInlineDefinitionIsTheErrorItIsInAFileAndElsewhereANote() throws IOException {
        // the inline definition silently used the last Result, while the same definition in a file is an error
        String file = write("t.yaml", """
                Resources:
                  M:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      StateMachineName: first
                      StateMachineName: second
                      Definition:
                        StartAt: P
                        States:
                          P: {Type: Pass, Result: first, Result: second, End: true}
                """);
        LoadedMachine machine = load(file, null);
        assertEquals("second", machine.name());
        List<dev.sfnrun.definition.validate.Diagnostic> errors = machine.validate().diagnostics();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("Duplicate field 'Result'", errors.get(0).message());
        assertEquals(10, errors.get(0).line());
        assertEquals(List.of(file + ":6:7: Resources.M.Properties.StateMachineName is given twice; the last one is used, as"
                + " CloudFormation uses it"), machine.notes());
    }

    @Test
    void samGlobalsFollowSamIgnoreGlobalsAndTheStateMachineSection() throws IOException {
        // IgnoreGlobals was not honoured, and Globals.StateMachine.Type / Name (which SAM refuses) were applied
        write("src/app.py", "def handler(e, c):\n    return e\n");
        String file = write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeout: 60
                    Environment:
                      Variables: {G: from-globals}
                  StateMachine:
                    PropagateTags: true
                Resources:
                  All:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: "*"
                    Properties: {CodeUri: src/, Handler: app.handler, Runtime: python3.12}
                  Some:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: [Environment]
                    Properties: {CodeUri: src/, Handler: app.handler, Runtime: python3.12}
                  M:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Definition: {StartAt: P, States: {P: {Type: Pass, End: true}}}
                """);
        LoadedMachine machine = load(file, null);
        assertNull(machine.functions().handlers().get("All").timeout());
        assertEquals(Map.of(), machine.functions().handlers().get("All").environment());
        assertEquals(Duration.ofSeconds(60), machine.functions().handlers().get("Some").timeout());
        assertEquals(Map.of(), machine.functions().handlers().get("Some").environment());
        String unknown = write("unknown.yaml", Files.readString(Path.of(file)).replace("IgnoreGlobals: [Environment]",
                "IgnoreGlobals: [Layers]"));
        assertEquals(unknown + ": Resources.Some.IgnoreGlobals: Resource Some has invalid resource attribute 'IgnoreGlobals'"
                + " on item 'Layers'.", assertThrows(TemplateException.class, () -> load(unknown, null)).getMessage());
        String typed = write("typed.yaml", Files.readString(Path.of(file)).replace("PropagateTags: true", "Type: EXPRESS"));
        assertEquals(typed + ": Globals.StateMachine.Type: 'Globals' section is invalid. 'Type' is not a supported property"
                + " of 'StateMachine'. Must be one of the following values - ['PropagateTags']",
                assertThrows(TemplateException.class, () -> load(typed, null)).getMessage());
    }

    @Test
    void samsGeneratedAliasAndVersionResolve() throws IOException {
        // !Ref Fn.Alias was "Ref to 'Fn.Alias', which is not a parameter, pseudo parameter or resource of the template"
        String file = write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: app.handler, Runtime: python3.12, AutoPublishAlias: live}
                  Plain:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: app.handler, Runtime: python3.12}
                  M:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      AutoPublishAlias: prod
                      Definition:
                        StartAt: P
                        States:
                          P:
                            Type: Pass
                            Parameters:
                              alias: !Ref Fn.Alias
                              version: !Ref Fn.Version
                              byId: !Ref FnAliaslive
                              versionById: !Ref FnVersion640ab12f3c
                              sub: !Sub "${Fn.Alias}/${M.Alias}"
                              machineVersion: !Ref M.Version
                            End: true
                  Bad:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition: {StartAt: P, States: {P: {Type: Pass, Result: !Ref Plain.Alias, End: true}}}
                """);
        LoadedMachine machine = load(file, "M");
        String p = "/States/P/Parameters/";
        String fn = "arn:aws:lambda:us-east-1:123456789012:function:Fn";
        assertEquals(fn + ":live", at(machine, p + "alias"));
        assertEquals(fn + ":1", at(machine, p + "version"));
        assertEquals(fn + ":live", at(machine, p + "byId"));
        assertEquals(fn + ":1", at(machine, p + "versionById"));
        assertEquals(fn + ":live/arn:aws:states:us-east-1:123456789012:stateMachine:M:prod", at(machine, p + "sub"));
        assertEquals("arn:aws:states:us-east-1:123456789012:stateMachine:M:1", at(machine, p + "machineVersion"));
        assertEquals(file + ": Resources.Bad.Properties.Definition.States.P.Result: Ref to 'Plain.Alias', which is not a"
                + " parameter, pseudo parameter or resource of the template",
                assertThrows(TemplateException.class, () -> load(file, "Bad")).getMessage());
    }

    @Test
    void smallMistakesAreSaidClearly() throws IOException {
        // an empty or "." DefinitionUri said ": is a directory" naming no file
        for (String uri : new String[] {"\"\"", "."}) {
            String file = write("e.yaml", "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
                    + "      DefinitionUri: " + uri + "\n");
            String message = assertThrows(TemplateException.class, () -> load(file, null)).getMessage();
            assertEquals(file + ": Resources.M.Properties.DefinitionUri: " + (uri.equals(".") ? Template.display(dir)
                    + ": is a directory, not a file" : "names no file (the value is empty)"), message);
        }
        // unknown --parameter-overrides were ignored, and a Number parameter took any text
        String file = write("p.yaml", """
                Parameters:
                  Count: {Type: Number, Default: 3}
                Resources:
                  M:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition: {StartAt: P, States: {P: {Type: Pass, Result: !Ref Count, End: true}}}
                """);
        TemplateOptions typo = new TemplateOptions("us-east-1", "1", null, Map.of("Cuont", "4", "Other", "x"));
        assertEquals(file + ": Parameters: [Cuont, Other] do not exist in the template (--parameter-overrides)",
                assertThrows(TemplateException.class, () -> DefinitionSource.template(file, null, typo, Map.of())).getMessage());
        String none = write("none.yaml", "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n"
                + "      Definition: {StartAt: P, States: {P: {Type: Pass, End: true}}}\n");
        assertEquals(none + ": Parameter values specified for a template which does not require them. (--parameter-overrides)",
                assertThrows(TemplateException.class, () -> DefinitionSource.template(none, null, typo, Map.of())).getMessage());
        TemplateOptions word = new TemplateOptions("us-east-1", "1", null, Map.of("Count", "three"));
        assertEquals(file + ": Parameters.Count: Parameter 'Count' must be a number. (its value is 'three')",
                assertThrows(TemplateException.class, () -> DefinitionSource.template(file, null, word, Map.of())).getMessage());
        TemplateOptions four = new TemplateOptions("us-east-1", "1", null, Map.of("Count", "4"));
        assertEquals("4", at(DefinitionSource.template(file, null, four, Map.of()), "/States/P/Result"));
    }
}
