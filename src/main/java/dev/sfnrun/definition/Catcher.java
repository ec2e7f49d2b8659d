package dev.sfnrun.definition;

import java.util.List;

/** One entry of a state's Catch field. */
public record Catcher(List<String> errorEquals, String next, DataFlow.ResultPathSpec resultPath, Assignment assign,
                      dev.sfnrun.query.ValueExpr output) {
}
