package cn.dzn.fund;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import cn.dzn.platform.web.ServiceApiDocs;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;

/** Writes each handler's {@link Refusal}s into its operation as problem+json answers. */
@Component
class RefusalDocs implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Refusal[] refusals = handler.getMethod().getAnnotationsByType(Refusal.class);
        if (refusals.length > 0) {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            for (Refusal refusal : refusals) {
                responses.addApiResponse(Integer.toString(refusal.status()), ServiceApiDocs.problem(refusal.why()));
            }
            operation.setResponses(responses);
        }
        return operation;
    }
}
