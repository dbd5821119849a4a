package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Why a request was not answered: a stable machine code ({@code invalid_request}, {@code unknown_model},
 * {@code provider_error}, ...) and a message for people.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorInfo(String code, String message) {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String UNKNOWN_MODEL = "unknown_model";
    public static final String NO_ELIGIBLE_MODEL = "no_eligible_model";
    public static final String PROVIDER_ERROR = "provider_error";
    public static final String TIMEOUT = "timeout";
}
