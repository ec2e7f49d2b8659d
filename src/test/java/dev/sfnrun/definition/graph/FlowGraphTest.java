package dev.sfnrun.definition.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfnrun.definition.graph.FlowGraph.Edge;
import dev.sfnrun.definition.graph.FlowGraph.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowGraphTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FlowGraph graph(String json) throws Exception {
        return FlowGraphs.of(JSON.readTree(json.replace('\'', '"')));
    }

    @Test
    void choiceRetryCatchAndEndEdges() throws Exception {
        FlowGraph g = graph("""
                {'StartAt':'Check','States':{
                 'Check':{'Type':'Choice','Choices':[
                   {'Variable':'$.n','NumericGreaterThan':3,'Next':'Call'},
                   {'Not':{'Variable':'$.s','StringEquals':'x'},'Next':'Done'}],'Default':'Oops'},
                 'Call':{'Type':'Task','Resource':'r','Retry':[{'ErrorEquals':['Boom'],'MaxAttempts':2}],
                   'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Oops'}],'End':true},
                 'Done':{'Type':'Succeed'},
                 'Oops':{'Type':'Fail'},
                 'Orphan':{'Type':'Pass','Next':'Gone'}}}""");
        assertEquals(List.of("Check", "Call", "Done", "Oops", "Orphan"), g.scope("").orElseThrow().nodes());
        assertEquals(new Edge("(start)", "Check", Kind.START, -1, "", "/StartAt", true), g.edges().get(0));
        Edge rule0 = g.edge("Check", Kind.CHOICE_RULE, 0).orElseThrow();
        assertEquals("Call", rule0.to());
        assertEquals("$.n > 3", rule0.label());
        assertEquals("/States/Check/Choices/0", rule0.pointer());
        assertEquals("not ($.s == \"x\")", g.edge("Check", Kind.CHOICE_RULE, 1).orElseThrow().label());
        assertEquals("Oops", g.edge("Check", Kind.CHOICE_DEFAULT, -1).orElseThrow().to());
        assertEquals("retry Boom ×2, 1s, backoff 2.0", g.edge("Call", Kind.RETRY, 0).orElseThrow().label());
        assertEquals("States.ALL", g.edge("Call", Kind.CATCH, 0).orElseThrow().label());
        assertEquals("(end)", g.edge("Call", Kind.END, -1).orElseThrow().to());
        assertEquals("(end)", g.edge("Done", Kind.END, -1).orElseThrow().to());
        assertTrue(g.node("Oops").orElseThrow().reachable());
        assertFalse(g.node("Orphan").orElseThrow().reachable());
        Edge gone = g.edge("Orphan", Kind.NEXT, -1).orElseThrow();
        assertFalse(gone.exists());
        assertEquals("Check → Call (Choices[0]: $.n > 3)", rule0.describe());
    }

    @Test
    void nestedScopesHavePathIds() throws Exception {
        FlowGraph g = graph("""
                {'StartAt':'P','States':{
                 'P':{'Type':'Parallel','Next':'M','Branches':[
                   {'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}},
                   {'StartAt':'B','States':{'B':{'Type':'Pass','End':true}}}]},
                 'M':{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'I','States':{
                   'I':{'Type':'Choice','Choices':[{'Condition':'{% $states.input > 1 %}','Next':'J'}],'Default':'J'},
                   'J':{'Type':'Succeed'}}}}}}""");
        assertEquals(List.of("P#0", "P#1"), g.scopesOf("P").stream().map(FlowGraph.Scope::id).toList());
        assertEquals("P/A", g.edge("(start)P#0", Kind.START, -1).orElseThrow().to());
        assertEquals("(end)P#1", g.edge("P/B", Kind.END, -1).orElseThrow().to());
        assertEquals("M/J", g.edge("M/I", Kind.CHOICE_RULE, 0).orElseThrow().to());
        assertEquals("$states.input > 1", g.edge("M/I", Kind.CHOICE_RULE, 0).orElseThrow().label());
        assertEquals("/States/M/ItemProcessor/States/I", g.node("M/I").orElseThrow().pointer());
        assertEquals("M", g.node("M/I").orElseThrow().scope());
    }

    @Test
    void malformedAndDeepDefinitionsStillGiveAGraph() throws Exception {
        FlowGraph g = graph("{'StartAt':5,'States':{'A':3,'B':{'Type':'Task','Next':7,'Retry':'x'}}}");
        assertEquals(2, g.nodes().size());
        assertTrue(g.edges().isEmpty());
        StringBuilder deep = new StringBuilder();
        int levels = FlowGraphs.MAX_NESTING + 20;
        for (int i = 0; i < levels; i++) {
            deep.append("{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true,\"ItemProcessor\":");
        }
        deep.append("{}");
        deep.append("}}}".repeat(levels));
        FlowGraph nested = FlowGraphs.of(JSON.readTree(deep.toString()));
        assertEquals(FlowGraphs.MAX_NESTING + 1, nested.nodes().size());
    }
}
