package dev.sfnrun.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.definition.validate.LocatedJson;
import dev.sfnrun.definition.validate.SourceMap;
import dev.sfnrun.query.Json;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    @Test
    void shortTagsBecomeLongForms() {
        LocatedJson doc = YamlReader.read("t.yaml", """
                A: !Ref Param
                B: !GetAtt Fn.Arn
                C: !Sub "arn:${AWS::Region}"
                D: !Join [":", [a, !Ref X]]
                E: !GetAtt [Fn, Arn]
                F: !Sub
                  - "${a}"
                  - a: 1
                G: !Condition IsProd
                """);
        assertEquals("{\"A\":{\"Ref\":\"Param\"},\"B\":{\"Fn::GetAtt\":[\"Fn\",\"Arn\"]},\"C\":{\"Fn::Sub\":\"arn:${AWS::Region}\"},"
                + "\"D\":{\"Fn::Join\":[\":\",[\"a\",{\"Ref\":\"X\"}]]},\"E\":{\"Fn::GetAtt\":[\"Fn\",\"Arn\"]},"
                + "\"F\":{\"Fn::Sub\":[\"${a}\",{\"a\":1}]},\"G\":{\"Condition\":\"IsProd\"}}", Json.compact(doc.root()));
    }

    @Test
    void positionsAreLinesAndColumns() {
        LocatedJson doc = YamlReader.read("d.asl.yaml", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n");
        assertEquals(new SourceMap.Position(4, 5), doc.sourceMap().position("/States/A/Type"));
        assertEquals(new SourceMap.Position(3, 3), doc.sourceMap().position("/States/A"));
        assertEquals(new SourceMap.Position(3, 3), doc.sourceMap().under("/States").position("/A"));
    }

    @Test
    void duplicateKeysAreKept() {
        LocatedJson doc = YamlReader.read("d.yaml", "a: 1\na: 2\n");
        assertEquals(1, doc.duplicateKeys().size());
        assertEquals("/a", doc.duplicateKeys().get(0).pointer());
    }

    @Test
    void badYamlNamesFileLineAndColumn() {
        TemplateException e = assertThrows(TemplateException.class, () -> YamlReader.read("d.yaml", "a: [1, 2\nb: c\n"));
        assertTrue(e.getMessage().matches("d\\.yaml:\\d+:\\d+: not valid YAML: .*"), e.getMessage());
        TemplateException alias = assertThrows(TemplateException.class,
                () -> YamlReader.read("d.yaml", "a: &x 1\nb: *x\n"));
        assertTrue(alias.getMessage().startsWith("d.yaml:2:4: YAML aliases (*x)"), alias.getMessage());
        TemplateException two = assertThrows(TemplateException.class, () -> YamlReader.read("d.yaml", "a: 1\n---\nb: 2\n"));
        assertTrue(two.getMessage().contains("more than one YAML document"), two.getMessage());
        TemplateException deep = assertThrows(TemplateException.class,
                () -> YamlReader.read("d.yaml", "[".repeat(600) + "]".repeat(600)));
        assertTrue(deep.getMessage().contains("nested more than"), deep.getMessage());
    }

    @Test
    void aTabAndAComplexKeyAreSaidInPlainWords() {
        // "while scanning for the next token" at the start of the previous line, and SnakeYAML's event class name
        TemplateException tab = assertThrows(TemplateException.class, () -> YamlReader.read("t.yaml", "Resources:\n\tM: 1\n"));
        assertEquals("t.yaml:2:1: not valid YAML: while scanning for the next token; found character '\\t(TAB)' that cannot"
                + " start any token. (Do not use \\t(TAB) for indentation); indent with spaces", tab.getMessage());
        TemplateException key = assertThrows(TemplateException.class, () -> YamlReader.read("t.yaml", "Resources: {? [a,b]: c}\n"));
        assertEquals("t.yaml:1:16: not valid YAML: a key must be a string, not a list or mapping (YAML's complex '? ' keys"
                + " are not supported)", key.getMessage());
    }
}
