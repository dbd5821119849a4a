package dev.switchboard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Quarkus test resource: one real KRaft broker per test JVM (shared by every test class), the Switchboard topics
 * created on it, and a {@link KafkaCompanion} injected into fields marked {@link InjectKafkaCompanion}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** Switchboard's topics; mirrored from core's Topics so this module stays free of core. */
    public static final List<String> TOPICS = List.of("llm.requests", "llm.requests.classified",
            "llm.requests.routed", "llm.results", "llm.usage", "llm.budget-state", "llm.alerts", "llm.dlq");

    private static KafkaBroker broker;
    private KafkaCompanion companion;

    /** The shared broker, started on first use and stopped when the JVM exits. */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = KafkaBroker.startOrConnect();
            broker.createTopics(TOPICS, Set.of("llm.budget-state"));
            KafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-broker-stop"));
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        String bootstrap = broker().bootstrapServers();
        companion = new KafkaCompanion(bootstrap);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
    }
}
