package org.rlmworkbench.runner.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One atomic happening of a run: every change to the reasoning graph and every operator boundary.
 * A run is fully described by its ordered event stream; the trace is that stream as JSON Lines.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunStarted.class, name = "run_started"),
    @JsonSubTypes.Type(value = OperatorEntered.class, name = "operator_entered"),
    @JsonSubTypes.Type(value = OperatorLeft.class, name = "operator_left"),
    @JsonSubTypes.Type(value = LoopIteration.class, name = "loop_iteration"),
    @JsonSubTypes.Type(value = NodeAdded.class, name = "node_added"),
    @JsonSubTypes.Type(value = NodeSelected.class, name = "node_selected"),
    @JsonSubTypes.Type(value = ValuesComputed.class, name = "values_computed"),
    @JsonSubTypes.Type(value = ValueBackpropagated.class, name = "value_backpropagated"),
    @JsonSubTypes.Type(value = NodePruned.class, name = "node_pruned"),
    @JsonSubTypes.Type(value = NodesAggregated.class, name = "nodes_aggregated"),
    @JsonSubTypes.Type(value = NodeRefined.class, name = "node_refined"),
    @JsonSubTypes.Type(value = Backtracked.class, name = "backtracked"),
    @JsonSubTypes.Type(value = Restructured.class, name = "restructured"),
    @JsonSubTypes.Type(value = SolutionFound.class, name = "solution_found"),
    @JsonSubTypes.Type(value = RunFinished.class, name = "run_finished"),
    @JsonSubTypes.Type(value = ModelCalled.class, name = "model_called"),
    @JsonSubTypes.Type(value = TreeImported.class, name = "tree_imported"),
    @JsonSubTypes.Type(value = LeavesSelected.class, name = "leaves_selected"),
    @JsonSubTypes.Type(value = VirtualLossAdded.class, name = "virtual_loss_added"),
    @JsonSubTypes.Type(value = VirtualLossRemoved.class, name = "virtual_loss_removed"),
})
public sealed interface RunEvent permits RunStarted, OperatorEntered, OperatorLeft, LoopIteration, NodeAdded,
        NodeSelected, ValuesComputed, ValueBackpropagated, NodePruned, NodesAggregated, NodeRefined, Backtracked,
        Restructured, SolutionFound, RunFinished, ModelCalled, TreeImported, LeavesSelected, VirtualLossAdded,
        VirtualLossRemoved {

    /** Whether the event changes the reasoning graph (as opposed to marking control flow). */
    default boolean changesGraph() {
        return true;
    }
}
