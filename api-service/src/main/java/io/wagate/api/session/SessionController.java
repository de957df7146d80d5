package io.wagate.api.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.wagate.api.auth.Caller;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.error.Validation;
import java.util.List;

@Controller("/v1/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @Post
    @Status(HttpStatus.CREATED)
    public SessionJson create(Caller caller, @Body @Nullable CreateRequest body) {
        String name = Validation.optionalName("name", body == null ? null : body.name());
        return SessionJson.of(sessions.create(caller, name));
    }

    @Get
    public ListJson list(Caller caller, @QueryValue @Nullable String status) {
        SessionStatus wanted = status == null || status.isEmpty()
                ? null
                : SessionStatus.fromWire(status)
                        .orElseThrow(() -> new ApiException(
                                ApiError.ValidationError.of("status", "must be one of: " + SessionStatus.allWire())));
        return new ListJson(
                sessions.list(caller, wanted).stream().map(SessionJson::of).toList());
    }

    @Get("/{id}")
    public SessionJson get(Caller caller, String id) {
        return SessionJson.of(sessions.get(caller, id));
    }

    /** JSON by default; a PNG to show on a screen with {@code Accept: image/png}. */
    @Get(
            value = "/{id}/qr",
            produces = {MediaType.APPLICATION_JSON, MediaType.IMAGE_PNG})
    public HttpResponse<?> qr(Caller caller, String id, @Header(HttpHeaders.ACCEPT) @Nullable String accept) {
        QrCode qr = sessions.currentQr(caller, id);
        if (accept != null && accept.contains(MediaType.IMAGE_PNG)) {
            return HttpResponse.ok(QrPng.render(qr.qr())).contentType(MediaType.IMAGE_PNG_TYPE);
        }
        return HttpResponse.ok(qr).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post("/{id}/connect")
    @Status(HttpStatus.ACCEPTED)
    public SessionJson connect(Caller caller, String id) {
        return SessionJson.of(sessions.request(caller, id, SessionAction.CONNECT));
    }

    @Post("/{id}/restart")
    @Status(HttpStatus.ACCEPTED)
    public SessionJson restart(Caller caller, String id) {
        return SessionJson.of(sessions.request(caller, id, SessionAction.RESTART));
    }

    @Post("/{id}/logout")
    @Status(HttpStatus.ACCEPTED)
    public SessionJson logout(Caller caller, String id) {
        return SessionJson.of(sessions.request(caller, id, SessionAction.LOGOUT));
    }

    @Delete("/{id}")
    @Status(HttpStatus.ACCEPTED)
    public SessionJson delete(Caller caller, String id) {
        return SessionJson.of(sessions.request(caller, id, SessionAction.DELETE));
    }

    @Serdeable
    public record CreateRequest(@Nullable String name) {}

    @Serdeable
    public record ListJson(List<SessionJson> data) {}
}
