package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfnrun.query.Json;
import org.junit.jupiter.api.Test;

/** The model checker on its own: the messages it builds for a request's members, in AWS's words. */
class ApiModelTest {
    static String refused(String operation, String body) {
        ApiException error = assertThrows(ApiException.class, () -> ApiModel.get().check(operation, Json.parse(body)));
        return error.getMessage();
    }

    @Test
    void aFloatOutsideItsRangeIsAValidationErrorShowingTheValueAsAJavaFloat() {
        String arn = "arn:aws:states:us-east-1:123456789012:mapRun:m/Map:1";
        assertEquals("1 validation error detected: Value '101.0' at 'toleratedFailurePercentage' failed to satisfy constraint: "
                + "Member must have value less than or equal to 100",
                refused("UpdateMapRun", "{\"mapRunArn\":\"" + arn + "\",\"toleratedFailurePercentage\":101}"));
        assertEquals("1 validation error detected: Value '-5.5' at 'toleratedFailurePercentage' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 0",
                refused("UpdateMapRun", "{\"mapRunArn\":\"" + arn + "\",\"toleratedFailurePercentage\":-5.5}"));
        assertDoesNotThrow(() -> ApiModel.get().check("UpdateMapRun",
                Json.parse("{\"mapRunArn\":\"" + arn + "\",\"toleratedFailurePercentage\":100}")));
        assertDoesNotThrow(() -> ApiModel.get().check("UpdateMapRun",
                Json.parse("{\"mapRunArn\":\"" + arn + "\",\"toleratedFailurePercentage\":0.5}")));
    }
    @Test
    void aListOfStructuresIsShownAsJavaShowsItsItems() {
        String machine = "arn:aws:states:us-east-1:123456789012:stateMachine:m";
        String routes = "[{\"stateMachineVersionArn\":\"" + machine + ":1\",\"weight\":50},"
                + "{\"weight\":30,\"stateMachineVersionArn\":\"" + machine + ":2\"},"
                + "{\"stateMachineVersionArn\":\"" + machine + ":3\",\"weight\":20}]";
        // AWS's recorded text (SFN-API.md, CreateStateMachineAlias / ValidationException): members in the model's order
        assertEquals("1 validation error detected: Value '[RoutingConfigurationListItem(stateMachineVersionArn=" + machine
                + ":1, weight=50), RoutingConfigurationListItem(stateMachineVersionArn=" + machine + ":2, weight=30), "
                + "RoutingConfigurationListItem(stateMachineVersionArn=" + machine + ":3, weight=20)]' at 'routingConfiguration' "
                + "failed to satisfy constraint: Member must have length less than or equal to 2",
                refused("CreateStateMachineAlias", "{\"name\":\"A\",\"routingConfiguration\":" + routes + "}"));
        assertEquals("1 validation error detected: Value '[]' at 'routingConfiguration' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1",
                refused("CreateStateMachineAlias", "{\"name\":\"A\",\"routingConfiguration\":[]}"));
    }
}
