package nl.klaspoort.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.BadRequestException;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The errors of the plain HTTP endpoints (file uploads and downloads beside GraphQL), as {@link GraphQlErrors} maps them
 * for GraphQL: no role at the school is 404 (never reveal that it exists), another role 403, a bad argument 400; the
 * body is {@link Messages#errorBody}.
 */
@RestControllerAdvice
class HttpErrors {

    private final Messages messages;

    HttpErrors(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> refused(AccessRefusedException e, HttpServletRequest request) {
        return switch (e.reason()) {
            case NOT_FOUND -> answer(HttpStatus.NOT_FOUND, CommonError.NOT_FOUND, Map.of(), request);
            case FORBIDDEN -> answer(HttpStatus.FORBIDDEN, CommonError.FORBIDDEN, Map.of(), request);
            case UNAUTHORIZED -> answer(HttpStatus.UNAUTHORIZED, CommonError.UNAUTHORIZED, Map.of(), request);
        };
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> badRequest(BadRequestException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, e.code(), e.params(), request);
    }

    private ResponseEntity<Map<String, Object>> answer(HttpStatus status, ErrorCode code, Map<String, ?> params,
            HttpServletRequest request) {
        return ResponseEntity.status(status).body(messages.errorBody(code, params, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }
}
