package dev.switchboard.router.messaging;

import dev.switchboard.core.Topics;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.json.Json;
import dev.switchboard.router.service.RequestRouter;
import dev.switchboard.messaging.SwitchboardRecords;
import dev.switchboard.messaging.UnreadableRecordException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code llm.requests.classified}, routes each request and writes the plan or the rejection; the record
 * is acknowledged only once what it produced is on Kafka.
 */
@ApplicationScoped
public class ClassifiedRequestConsumer {

    static final String SERVICE = "router";

    private final RequestRouter router;
    private final MutinyEmitter<String> routed;
    private final MutinyEmitter<String> results;

    public ClassifiedRequestConsumer(RequestRouter router,
                                     @Channel("routed") MutinyEmitter<String> routed,
                                     @Channel("results") MutinyEmitter<String> results) {
        this.router = router;
        this.routed = routed;
        this.results = results;
    }

    @Incoming("classified")
    public Uni<Void> consume(Message<String> record) {
        RequestRouter.Outcome outcome = router.route(record.getPayload());
        if (outcome instanceof RequestRouter.Routed r) {
            return SwitchboardRecords.sendThenAck(routed, routedRecord(r.request()), record);
        }
        if (outcome instanceof RequestRouter.Rejected r) {
            return SwitchboardRecords.sendThenAck(results, resultRecord(r.result()), record);
        }
        String reason = ((RequestRouter.DeadLetter) outcome).reason();
        return Uni.createFrom().completionStage(record.nack(new UnreadableRecordException(reason),
                SwitchboardRecords.deadLetter(reason, Topics.REQUESTS_CLASSIFIED, SERVICE)));
    }

    private static Message<String> routedRecord(RoutedRequest routedRequest) {
        LlmRequest request = routedRequest.request();
        return SwitchboardRecords.payload(Json.write(routedRequest), request.id(),
                request.id() + "/" + request.attemptOrFirst() + "/routed",
                RoutedRequest.class.getSimpleName(), RoutedRequest.SCHEMA_VERSION);
    }

    private static Message<String> resultRecord(LlmResult result) {
        return SwitchboardRecords.payload(Json.write(result), result.id(),
                result.id() + "/" + result.attempt() + "/result",
                LlmResult.class.getSimpleName(), LlmResult.SCHEMA_VERSION);
    }
}
