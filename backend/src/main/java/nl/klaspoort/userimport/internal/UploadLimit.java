package nl.klaspoort.userimport.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import nl.klaspoort.platform.Messages;
import nl.klaspoort.spreadsheet.SpreadsheetLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit is refused while it arrives, before any controller runs (so this advice is
 * global: the request has no handler yet). It answers like the other refused files: 413 with
 * {@code FILE_TOO_LARGE}.
 */
@RestControllerAdvice
class UploadLimit {

    private final Messages messages;

    UploadLimit(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e,
            HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(messages.errorBody(ImportError.FILE_TOO_LARGE,
                Map.of("max", SpreadsheetLimits.MAX_UPLOAD_BYTES / (1024 * 1024)), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }
}
