package dev.switchboard.classifier.messaging;

import dev.switchboard.classifier.service.RequestTriage;
import dev.switchboard.core.Topics;
import dev.switchboard.core.event.ClassifiedRequest;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.json.Json;
import dev.switchboard.messaging.SwitchboardRecords;
import dev.switchboard.messaging.UnreadableRecordException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code llm.requests}, triages each record and writes the classified request, the rejection or the
 * dead letter; the record is acknowledged only once what it produced is on Kafka.
 */
@ApplicationScoped
public class RequestConsumer {

    static final String SERVICE = "classifier";

    private final RequestTriage triage;
    private final MutinyEmitter<String> classified;
    private final MutinyEmitter<String> results;

    public RequestConsumer(RequestTriage triage,
                           @Channel("classified") MutinyEmitter<String> classified,
                           @Channel("results") MutinyEmitter<String> results) {
        this.triage = triage;
        this.classified = classified;
        this.results = results;
    }

    /** Off the event loop: embedding a prompt takes milliseconds of CPU. Records are independent, so unordered. */
    @Incoming("requests")
    @Blocking(ordered = false)
    public Uni<Void> consume(Message<String> record) {
        RequestTriage.Outcome outcome = triage.triage(record.getPayload());
        if (outcome instanceof RequestTriage.Classified c) {
            return SwitchboardRecords.sendThenAck(classified, classifiedRecord(c.request()), record);
        }
        if (outcome instanceof RequestTriage.Rejected r) {
            return SwitchboardRecords.sendThenAck(results, resultRecord(r.result()), record);
        }
        String reason = ((RequestTriage.DeadLetter) outcome).reason();
        return Uni.createFrom().completionStage(record.nack(new UnreadableRecordException(reason),
                SwitchboardRecords.deadLetter(reason, Topics.REQUESTS, SERVICE)));
    }

    private static Message<String> classifiedRecord(ClassifiedRequest classified) {
        LlmRequest request = classified.request();
        return SwitchboardRecords.payload(Json.write(classified), request.tenant(),
                request.id() + "/" + request.attemptOrFirst() + "/classified",
                ClassifiedRequest.class.getSimpleName(), ClassifiedRequest.SCHEMA_VERSION);
    }

    private static Message<String> resultRecord(LlmResult result) {
        return SwitchboardRecords.payload(Json.write(result), result.id(),
                result.id() + "/" + result.attempt() + "/result",
                LlmResult.class.getSimpleName(), LlmResult.SCHEMA_VERSION);
    }
}
