package nl.klaspoort.administration.internal;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code Mutation.auditBatchUndo}: restores what a batch of administrative changes changed. */
@Controller
class AuditUndoController {

    record AuditBatchUndoInput(String batchId) {}

    private final AuditUndoService undo;

    AuditUndoController(AuditUndoService undo) {
        this.undo = undo;
    }

    @MutationMapping
    AdministrationPayload auditBatchUndo(@Argument AuditBatchUndoInput input) {
        return undo.undo(input.batchId());
    }
}
