package com.quanyu.shared.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfnTemplateTest {
    @TempDir
    Path dir;

    @Test
    void keepsShortFormIntrinsicsAndResolvesThemLocally() throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, """
                Parameters:
                  Stage: { Type: String, Default: dev }
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "app-${Stage}-t"
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Environment:
                        Variables:
                          TABLE: !Ref T
                          ARN: !GetAtt T.Arn
                          JOINED: !Join ["-", [!Ref Stage, x]]
                """);
        CfnTemplate template = CfnTemplate.load(file, Map.of("Stage", "local"));
        Map<String, String> env = SamFunction.all(template).get(0).environment();
        assertEquals("app-local-t", env.get("TABLE"));
        assertEquals("local-x", env.get("JOINED"));
        assertTrue(env.get("ARN").contains("T"));
        assertThrows(IllegalArgumentException.class, () -> template.resolve(new CfnTemplate.Intrinsic("Ref", "Nope")));
    }

    @Test
    void readsTheProjectTemplate() {
        CfnTemplate template = CfnTemplate.local();
        assertTrue(template.resourcesOfType("AWS::Serverless::Function").contains("IngestFunction"));
        assertEquals("quanyu-local-profiles", template.resolve(new CfnTemplate.Intrinsic("Ref", "ProfilesTable")));
    }
}
