package io.wagate.api.pairing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.wagate.api.auth.Caller;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import java.time.Instant;

@Controller("/v1/sessions/{id}/pairing-code")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PairingController {

    private final PairingService pairing;

    PairingController(PairingService pairing) {
        this.pairing = pairing;
    }

    /** 200 with the code; 202 {@code pending} when WhatsApp has not issued it in time (GET it later). */
    @Post
    public HttpResponse<PairingCodeJson> request(Caller caller, String id, @Body @Nullable RequestJson body) {
        if (body == null || body.phoneNumber() == null || body.phoneNumber().isBlank()) {
            throw new ApiException(ApiError.ValidationError.of("phone_number", "is required"));
        }
        return pairing.request(caller, id, body.phoneNumber().strip())
                .map(code -> HttpResponse.ok(PairingCodeJson.of(code)))
                .orElseGet(() -> HttpResponse.status(HttpStatus.ACCEPTED)
                        .body(new PairingCodeJson(null, body.phoneNumber().strip(), null, true)));
    }

    @Get
    public PairingCodeJson current(Caller caller, String id) {
        return PairingCodeJson.of(pairing.current(caller, id));
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record RequestJson(@Nullable String phoneNumber) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record PairingCodeJson(
            @Nullable String code,
            String phoneNumber,
            @Nullable Instant expiresAt,
            boolean pending) {

        static PairingCodeJson of(PairingCode code) {
            return new PairingCodeJson(code.code(), code.phoneNumber(), code.expiresAt(), false);
        }
    }
}
