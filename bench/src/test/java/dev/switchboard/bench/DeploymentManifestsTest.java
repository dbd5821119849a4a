package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchboard.core.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keeps the deployment files ({@code deploy/k8s/**}, {@code docker-compose.yml}, the services' Dockerfiles and the
 * Grafana dashboard) in step with the code: topics from {@link Topics}, ports, topics and consumer groups from each
 * service's {@code application.properties}, metric names from the services' sources. Nothing here needs Docker or a
 * cluster; when {@code kubectl} is on the PATH the overlays are also rendered with its built-in kustomize and checked.
 */
class DeploymentManifestsTest {

    /** Short service name (Deployment, compose service, consumer group) to its Maven module. */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("classifier", "classifier-service");
        SERVICES.put("router", "router-service");
        SERVICES.put("executor", "executor-service");
        SERVICES.put("ledger", "ledger-service");
        SERVICES.put("alerting", "alerting-service");
    }

    /** Environment variable names whose value is a secret: never a literal in a manifest or in compose. */
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Z0-9_]*(API_KEY|PASSWORD|SECRET|TOKEN)[A-Z0-9_]*");
    /** A {@code KEY=value} string (configMapGenerator literals, compose list environments). */
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z0-9_.-]+)=(.*)", Pattern.DOTALL);
    /** Compose substitution with no literal default: ${VAR}, ${VAR:-}, ${VAR-}, ${VAR:?message}, ${VAR?message}. */
    private static final Pattern SUBSTITUTION =
            Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::?-|:?\\?[^}]*)?}");
    private static final Pattern METRIC_IN_QUERY = Pattern.compile("\\b(switchboard_[a-z0-9_]+)");
    private static final Pattern METER_NAME_IN_CODE = Pattern.compile("\"(switchboard(?:\\.[a-z0-9_]+)+)\"");
    private static final String EXAMPLE_SECRET = "secrets.example.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path root;
    private static Path k8s;
    private static Path base;
    /** Every document of every YAML file under deploy/k8s, by file. */
    private static Map<Path, List<JsonNode>> k8sFiles;
    private static JsonNode compose;

    @BeforeAll
    static void load() {
        root = projectRoot();
        k8s = root.resolve("deploy/k8s");
        base = k8s.resolve("base");
        k8sFiles = new LinkedHashMap<>();
        for (Path file : yamlFiles(k8s)) {
            k8sFiles.put(file, readAll(file));
        }
        List<JsonNode> composeDocs = readAll(root.resolve("docker-compose.yml"));
        assertThat(composeDocs).as("docker-compose.yml holds one document").hasSize(1);
        compose = composeDocs.get(0);
    }

    // ---------------------------------------------------------------------------------------------- parsing

    @Test
    void everyManifestParsesAndNamesItsKind() {
        assertThat(k8sFiles).as("YAML files under deploy/k8s").isNotEmpty();
        for (Map.Entry<Path, List<JsonNode>> file : k8sFiles.entrySet()) {
            assertThat(file.getValue()).as("%s has at least one document", rel(file.getKey())).isNotEmpty();
            for (JsonNode doc : file.getValue()) {
                assertThat(doc.isObject()).as("a document of %s is a mapping", rel(file.getKey())).isTrue();
                assertThat(doc.path("apiVersion").asText()).as("apiVersion in %s", rel(file.getKey())).isNotBlank();
                assertThat(doc.path("kind").asText()).as("kind in %s", rel(file.getKey())).isNotBlank();
                if (!doc.path("kind").asText().equals("Kustomization")) {
                    assertThat(doc.path("metadata").path("name").asText())
                            .as("metadata.name of a %s in %s", doc.path("kind").asText(), rel(file.getKey()))
                            .isNotBlank();
                }
            }
        }
        assertThat(compose.path("services").isObject()).as("docker-compose.yml has services").isTrue();
        JsonNode dashboard = readJson(root.resolve("deploy/grafana/switchboard-dashboard.json"));
        assertThat(dashboard.path("panels").isArray()).as("the Grafana dashboard has panels").isTrue();
    }

    // ---------------------------------------------------------------------------------------------- Kafka

    @Test
    void kafkaTopicsAreExactlyTheTopicsOfTheCode() {
        List<JsonNode> topics = baseDocs("KafkaTopic");
        List<String> names = topics.stream().map(DeploymentManifestsTest::topicName).toList();
        assertThat(names).as("KafkaTopic names in deploy/k8s/base").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(names)).as("KafkaTopics in deploy/k8s/base vs Topics.ALL")
                .isEqualTo(new TreeSet<>(Topics.ALL));

        JsonNode kafka = single(baseDocs("Kafka"), "Kafka");
        String cluster = kafka.path("metadata").path("name").asText();
        List<JsonNode> pools = baseDocs("KafkaNodePool");
        assertThat(pools).as("KafkaNodePools (KRaft)").isNotEmpty();
        assertThat(pools).allSatisfy(pool ->
                assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster));
        assertThat(pools.stream().flatMap(p -> texts(p.path("spec").path("roles")).stream()))
                .as("node pool roles: KRaft needs controllers and brokers").contains("controller", "broker");
        int brokers = pools.stream().filter(p -> texts(p.path("spec").path("roles")).contains("broker"))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();

        for (JsonNode topic : topics) {
            String name = topicName(topic);
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as("strimzi.io/cluster label of KafkaTopic %s", name).isEqualTo(cluster);
            assertThat(topic.path("spec").path("partitions").asInt()).as("partitions of %s", name).isPositive();
            assertThat(topic.path("spec").path("replicas").asInt()).as("replicas of %s", name).isBetween(1, brokers);
            String cleanup = topic.path("spec").path("config").path("cleanup.policy").asText("delete");
            if (name.equals(Topics.BUDGET_STATE)) {
                assertThat(cleanup).as("cleanup.policy of %s", name).isEqualTo("compact");
            } else {
                assertThat(cleanup).as("cleanup.policy of %s", name).doesNotContain("compact");
                assertThat(topic.path("spec").path("config").path("retention.ms").asLong())
                        .as("retention.ms of %s", name).isPositive();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- services

    @Test
    void everyServiceHasADeploymentWithHealthProbesAndAMetricsService() {
        Map<String, Map<String, String>> configMaps = generatedConfigMaps(base.resolve("kustomization.yaml"));
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            String name = service.getKey();
            int port = httpPort(service.getValue());

            JsonNode deployment = named(baseDocs("Deployment"), name, "Deployment");
            JsonNode container = mainContainer(deployment, name);
            assertThat(portNumbers(container)).as("containerPort of %s (quarkus.http.port)", name).contains(port);
            assertProbe(container, "readinessProbe", "/q/health/ready", name, port);
            assertProbe(container, "livenessProbe", "/q/health/live", name, port);
            assertThat(container.path("resources").path("requests").isObject())
                    .as("resource requests of %s", name).isTrue();
            assertThat(container.path("resources").path("limits").path("memory").asText())
                    .as("memory limit of %s", name).isNotBlank();

            List<String> refs = new ArrayList<>();
            container.path("envFrom").forEach(e -> {
                if (e.has("configMapRef")) {
                    refs.add(e.path("configMapRef").path("name").asText());
                }
            });
            assertThat(refs).as("ConfigMaps %s reads its environment from", name).isNotEmpty();
            assertThat(configMaps.keySet()).as("ConfigMaps generated in deploy/k8s/base").containsAll(refs);
            Map<String, String> env = new HashMap<>();
            refs.forEach(ref -> env.putAll(configMaps.get(ref)));
            assertThat(env).as("environment of %s from its ConfigMaps", name).containsKey("KAFKA_BOOTSTRAP_SERVERS");
            if (env.containsKey("QUARKUS_HTTP_PORT")) {
                assertThat(env.get("QUARKUS_HTTP_PORT")).as("QUARKUS_HTTP_PORT of %s", name)
                        .isEqualTo(String.valueOf(port));
            }

            JsonNode svc = named(baseDocs("Service"), name, "Service");
            JsonNode annotations = svc.path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText()).as("prometheus.io/scrape of Service %s", name)
                    .isEqualTo("true");
            assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
            assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(port));
            assertThat(svc.path("spec").path("ports").findValuesAsText("port")).as("ports of Service %s", name)
                    .contains(String.valueOf(port));
            assertThat(svc.path("spec").path("selector"))
                    .as("Service %s selects the Deployment's pods", name)
                    .isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));

            assertThat(dockerfileExposes(service.getValue())).as("EXPOSE in %s's Dockerfile.jvm", name).contains(port);
        }
        JsonNode ledger = mainContainer(named(baseDocs("Deployment"), "ledger", "Deployment"), "ledger");
        Map<String, String> ledgerEnv = new HashMap<>();
        ledger.path("envFrom").forEach(e -> ledgerEnv.putAll(
                configMaps.getOrDefault(e.path("configMapRef").path("name").asText(), Map.of())));
        assertThat(ledgerEnv.get("QUARKUS_DATASOURCE_JDBC_URL")).as("the ledger's JDBC URL, from a ConfigMap")
                .startsWith("jdbc:postgresql://");
        assertThat(envNames(ledger)).as("the ledger's database credentials, from the Secret")
                .contains("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void everyServiceScalesOnTheLagOfItsOwnConsumerGroup() {
        Map<String, Integer> partitions = new HashMap<>();
        Set<String> compacted = new HashSet<>();
        for (JsonNode topic : baseDocs("KafkaTopic")) {
            partitions.put(topicName(topic), topic.path("spec").path("partitions").asInt());
            if (topic.path("spec").path("config").path("cleanup.policy").asText().contains("compact")) {
                compacted.add(topicName(topic));
            }
        }
        String bootstrap = expectedBootstrap();
        Map<String, String> common = generatedConfigMaps(base.resolve("kustomization.yaml")).get("switchboard-common");
        assertThat(common).as("ConfigMap switchboard-common").isNotNull();
        assertThat(common.get("KAFKA_BOOTSTRAP_SERVERS")).as("KAFKA_BOOTSTRAP_SERVERS of the services")
                .isEqualTo(bootstrap);

        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            String name = service.getKey();
            Map<String, String> inputs = incomingTopicsToGroups(service.getValue());
            assertThat(inputs).as("incoming Kafka channels of %s", service.getValue()).isNotEmpty();

            JsonNode scaled = named(baseDocs("ScaledObject"), name, "ScaledObject");
            assertThat(scaled.path("spec").path("scaleTargetRef").path("name").asText())
                    .as("scaleTargetRef of ScaledObject %s", name).isEqualTo(name);
            List<JsonNode> triggers = new ArrayList<>();
            scaled.path("spec").path("triggers").forEach(t -> {
                if (t.path("type").asText().equals("kafka")) {
                    triggers.add(t.path("metadata"));
                }
            });
            assertThat(triggers).as("kafka triggers of ScaledObject %s", name).isNotEmpty();
            Set<String> scaledTopics = new HashSet<>();
            int maxPartitions = 0;
            for (JsonNode trigger : triggers) {
                String topic = trigger.path("topic").asText();
                String group = trigger.path("consumerGroup").asText();
                assertThat(inputs).as("ScaledObject %s scales on (topic, group) that %s consumes", name,
                        service.getValue()).containsEntry(topic, group);
                assertThat(partitions).as("KafkaTopic for the trigger of %s", name).containsKey(topic);
                assertThat(trigger.path("bootstrapServers").asText()).as("bootstrapServers of ScaledObject %s", name)
                        .isEqualTo(bootstrap);
                scaledTopics.add(topic);
                maxPartitions = Math.max(maxPartitions, partitions.get(topic));
            }
            for (String input : inputs.keySet()) {
                if (!compacted.contains(input)) {
                    assertThat(scaledTopics).as("ScaledObject %s scales on the lag of its input %s", name, input)
                            .contains(input);
                }
            }

            int baseMin = scaled.path("spec").path("minReplicaCount").asInt(0);
            int baseMax = scaled.path("spec").path("maxReplicaCount").asInt(100);
            assertReplicaBounds(rel(base), name, baseMin, baseMax, maxPartitions);
            // The overlays' patches of this ScaledObject keep within the same bounds.
            for (Map.Entry<Path, List<JsonNode>> file : k8sFiles.entrySet()) {
                if (file.getKey().startsWith(base)) {
                    continue;
                }
                for (JsonNode doc : file.getValue()) {
                    if (isKind(doc, "ScaledObject") && name.equals(doc.path("metadata").path("name").asText())) {
                        int min = doc.path("spec").path("minReplicaCount").asInt(baseMin);
                        int max = doc.path("spec").path("maxReplicaCount").asInt(baseMax);
                        assertReplicaBounds(rel(file.getKey()), name, min, max, maxPartitions);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- secrets

    @Test
    void noManifestOrComposeFileHoldsASecretValue() {
        for (Map.Entry<Path, List<JsonNode>> file : k8sFiles.entrySet()) {
            if (file.getKey().getFileName().toString().equals(EXAMPLE_SECRET)) {
                continue;
            }
            for (JsonNode doc : file.getValue()) {
                assertThat(doc.path("kind").asText()).as("a Secret committed in %s", rel(file.getKey()))
                        .isNotEqualTo("Secret");
                assertNoLiteralSecret(doc, rel(file.getKey()));
            }
        }
        // Env vars of secret kind in Deployments come from a Secret.
        for (JsonNode deployment : allDocs("Deployment")) {
            deployment.path("spec").path("template").path("spec").path("containers").forEach(c ->
                    c.path("env").forEach(e -> {
                        if (SECRET_NAME.matcher(e.path("name").asText()).matches()) {
                            assertThat(e.path("valueFrom").path("secretKeyRef").path("name").asText())
                                    .as("%s of Deployment %s comes from a secretKeyRef", e.path("name").asText(),
                                            deployment.path("metadata").path("name").asText())
                                    .isEqualTo("switchboard-secrets");
                        }
                    }));
        }
        // Compose: only ${VAR}-style substitution, with no literal default.
        compose.path("services").fields().forEachRemaining(svc -> environment(svc.getValue()).forEach((k, v) -> {
            if (SECRET_NAME.matcher(k).matches()) {
                assertThat(SUBSTITUTION.matcher(v).matches())
                        .as("%s of compose service %s is an environment substitution with no literal default, not '%s'",
                                k, svc.getKey(), v)
                        .isTrue();
            }
        }));
        assertNoLiteralSecret(compose, "docker-compose.yml");

        // The example Secret is only an example: in no kustomization, with placeholders for values.
        Path example = base.resolve(EXAMPLE_SECRET);
        assertThat(example).as("the example Secret").exists();
        for (Map.Entry<Path, List<JsonNode>> file : k8sFiles.entrySet()) {
            if (file.getKey().getFileName().toString().equals("kustomization.yaml")) {
                assertThat(file.getValue().get(0).toString()).as("%s must not apply the example Secret",
                        rel(file.getKey())).doesNotContain(EXAMPLE_SECRET);
            }
        }
        for (JsonNode doc : k8sFiles.get(example)) {
            for (String section : List.of("stringData", "data")) {
                doc.path(section).fields().forEachRemaining(e -> assertThat(e.getValue().asText())
                        .as("%s in %s is empty or a <placeholder>", e.getKey(), EXAMPLE_SECRET)
                        .matches("|<[^>]*>"));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- kustomize

    @Test
    void everyKustomizationReferenceExistsAndNoManifestIsOrphaned() {
        Set<Path> referenced = new HashSet<>();
        List<Path> kustomizations = k8sFiles.keySet().stream()
                .filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
        assertThat(kustomizations).as("kustomization.yaml files")
                .contains(base.resolve("kustomization.yaml"),
                        k8s.resolve("overlays/dev/kustomization.yaml"),
                        k8s.resolve("overlays/prod/kustomization.yaml"));
        for (Path kustomization : kustomizations) {
            Path dir = kustomization.getParent();
            JsonNode k = single(k8sFiles.get(kustomization), "Kustomization in " + rel(kustomization));
            List<String> refs = new ArrayList<>(texts(k.path("resources")));
            refs.addAll(texts(k.path("components")));
            refs.addAll(texts(k.path("patchesStrategicMerge")));
            k.path("patches").forEach(p -> {
                if (p.has("path")) {
                    refs.add(p.path("path").asText());
                }
            });
            for (String generator : List.of("configMapGenerator", "secretGenerator")) {
                k.path(generator).forEach(g -> {
                    refs.addAll(texts(g.path("files")).stream().map(f -> f.contains("=") ? f.split("=", 2)[1] : f)
                            .toList());
                    refs.addAll(texts(g.path("envs")));
                    if (g.has("env")) {
                        refs.add(g.path("env").asText());
                    }
                });
            }
            for (String ref : refs) {
                if (ref.contains("://") || ref.startsWith("github.com/")) {
                    continue;
                }
                Path target = dir.resolve(ref).normalize();
                assertThat(target).as("'%s' referenced by %s", ref, rel(kustomization)).exists();
                if (Files.isDirectory(target)) {
                    assertThat(target.resolve("kustomization.yaml"))
                            .as("directory '%s' referenced by %s is a kustomization", ref, rel(kustomization))
                            .exists();
                }
                referenced.add(target);
            }
        }
        for (Path file : k8sFiles.keySet()) {
            String fileName = file.getFileName().toString();
            if (fileName.equals("kustomization.yaml") || fileName.equals(EXAMPLE_SECRET)) {
                continue;
            }
            assertThat(referenced).as("%s is used by a kustomization (else it is never applied)", rel(file))
                    .contains(file);
        }
    }

    /** Renders each overlay with kubectl's built-in kustomize, when kubectl is installed, and checks the result. */
    @Test
    void renderedOverlaysKeepTheInvariants() throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl is not on the PATH: the overlays are checked file by file only");
        for (String overlay : List.of("base", "overlays/dev", "overlays/prod")) {
            List<JsonNode> docs = render(k8s.resolve(overlay));
            Map<String, JsonNode> topics = new HashMap<>();
            docs.stream().filter(d -> isKind(d, "KafkaTopic")).forEach(t -> topics.put(topicName(t), t));
            assertThat(new TreeSet<>(topics.keySet())).as("KafkaTopics rendered from %s", overlay)
                    .isEqualTo(new TreeSet<>(Topics.ALL));
            int brokers = docs.stream().filter(d -> isKind(d, "KafkaNodePool"))
                    .filter(p -> texts(p.path("spec").path("roles")).contains("broker"))
                    .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
            JsonNode kafkaConfig = single(docs.stream().filter(d -> isKind(d, "Kafka")).toList(), "Kafka")
                    .path("spec").path("kafka").path("config");
            for (JsonNode topic : topics.values()) {
                assertThat(topic.path("spec").path("replicas").asInt())
                        .as("replicas of %s in %s (%d brokers)", topicName(topic), overlay, brokers)
                        .isBetween(1, brokers);
            }
            for (String rf : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                    "default.replication.factor", "min.insync.replicas")) {
                assertThat(kafkaConfig.path(rf).asInt(1)).as("%s in %s (%d brokers)", rf, overlay, brokers)
                        .isBetween(1, brokers);
            }
            Set<String> configMaps = docs.stream().filter(d -> isKind(d, "ConfigMap"))
                    .map(d -> d.path("metadata").path("name").asText()).collect(Collectors.toSet());
            for (JsonNode scaled : docs.stream().filter(d -> isKind(d, "ScaledObject")).toList()) {
                String name = scaled.path("metadata").path("name").asText();
                int max = scaled.path("spec").path("maxReplicaCount").asInt(100);
                scaled.path("spec").path("triggers").forEach(t -> {
                    String topic = t.path("metadata").path("topic").asText();
                    assertThat(topics).as("topic of ScaledObject %s in %s", name, overlay).containsKey(topic);
                    assertThat(max).as("maxReplicaCount of %s in %s <= partitions of %s", name, overlay, topic)
                            .isLessThanOrEqualTo(topics.get(topic).path("spec").path("partitions").asInt());
                });
                assertThat(scaled.path("spec").path("minReplicaCount").asInt(0)).isLessThanOrEqualTo(max);
            }
            for (JsonNode deployment : docs.stream().filter(d -> isKind(d, "Deployment")).toList()) {
                deployment.path("spec").path("template").path("spec").path("containers").forEach(c ->
                        c.path("envFrom").forEach(e -> {
                            if (e.has("configMapRef")) {
                                assertThat(configMaps).as("ConfigMaps rendered from %s", overlay)
                                        .contains(e.path("configMapRef").path("name").asText());
                            }
                        }));
            }
            assertThat(docs.stream().filter(d -> isKind(d, "Secret")).toList())
                    .as("Secrets rendered from %s (the Secret is created out of band)", overlay).isEmpty();
        }
        Map<String, String> dev = configMapData(render(k8s.resolve("overlays/dev")), "executor-config");
        Map<String, String> prod = configMapData(render(k8s.resolve("overlays/prod")), "executor-config");
        assertThat(dev.get("EXECUTOR_PROVIDER_MODE")).as("provider mode in dev").isEqualTo("simulated");
        assertThat(prod.get("EXECUTOR_PROVIDER_MODE")).as("provider mode in prod").isEqualTo("live");
    }

    // ---------------------------------------------------------------------------------------------- compose

    @Test
    void composeRunsKafkaPostgresAndTheFiveServices() {
        JsonNode services = compose.path("services");
        assertThat(fieldNames(services)).as("compose services")
                .contains("kafka", "postgres").containsAll(SERVICES.keySet());

        JsonNode kafka = services.path("kafka");
        assertThat(kafka.path("image").asText()).as("Kafka image").startsWith("apache/kafka:");
        Map<String, String> kafkaEnv = environment(kafka);
        assertThat(kafkaEnv.get("KAFKA_PROCESS_ROLES")).as("KRaft roles of the single node")
                .contains("broker").contains("controller");
        assertThat(kafkaEnv.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");

        JsonNode init = services.path("kafka-init");
        assertThat(init.isObject()).as("a one-shot kafka-init service creates the topics").isTrue();
        String script = String.join("\n", texts(init.path("command")));
        for (String topic : Topics.ALL) {
            assertThat(script).as("kafka-init creates %s", topic)
                    .containsPattern("(?m)\\b" + Pattern.quote(topic) + "(\\s|$)");
        }
        assertThat(script).as("llm.budget-state is compacted")
                .containsPattern(Pattern.quote(Topics.BUDGET_STATE) + "\\s+--config\\s+cleanup\\.policy=compact");

        JsonNode postgres = services.path("postgres");
        assertThat(postgres.path("image").asText()).as("PostgreSQL image").startsWith("postgres:16");
        assertThat(environment(postgres).get("POSTGRES_DB")).isEqualTo("switchboard");

        services.fields().forEachRemaining(svc -> texts(svc.getValue().path("ports")).forEach(port ->
                assertThat(port).as("published port of compose service %s (127.0.0.1 only)", svc.getKey())
                        .startsWith("127.0.0.1:")));

        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            String name = service.getKey();
            JsonNode svc = services.path(name);
            int port = httpPort(service.getValue());
            Map<String, String> env = environment(svc);
            assertThat(env.get("QUARKUS_HTTP_PORT")).as("QUARKUS_HTTP_PORT of compose service %s", name)
                    .isEqualTo(String.valueOf(port));
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as("KAFKA_BOOTSTRAP_SERVERS of %s", name).isNotBlank();
            assertThat(texts(svc.path("ports"))).as("ports of compose service %s", name)
                    .anySatisfy(p -> assertThat(p).endsWith(":" + port));
            String healthcheck = String.join(" ", texts(svc.path("healthcheck").path("test")));
            assertThat(healthcheck).as("healthcheck of %s", name)
                    .contains("/q/health/ready").contains(":" + port + "/");

            JsonNode build = svc.path("build");
            assertThat(build.path("context").asText()).as("build context of %s", name)
                    .isEqualTo("./" + service.getValue());
            Path dockerfile = root.resolve(service.getValue()).resolve(build.path("dockerfile").asText());
            assertThat(dockerfile).as("Dockerfile of %s", name).exists()
                    .isEqualTo(root.resolve(service.getValue()).resolve("src/main/docker/Dockerfile.jvm"));
        }
        Map<String, String> ledger = environment(services.path("ledger"));
        assertThat(ledger.get("QUARKUS_DATASOURCE_JDBC_URL")).as("the ledger's database")
                .isEqualTo("jdbc:postgresql://postgres:5432/switchboard");
        assertThat(ledger).containsKeys("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
    }

    // ---------------------------------------------------------------------------------------------- Grafana

    @Test
    void dashboardQueriesOnlyMetricsTheServicesRegister() {
        Set<String> registered = new TreeSet<>();
        for (String module : SERVICES.values()) {
            for (Path source : javaFiles(root.resolve(module).resolve("src/main/java"))) {
                Matcher m = METER_NAME_IN_CODE.matcher(read(source));
                while (m.find()) {
                    registered.add(m.group(1).replace('.', '_'));
                }
            }
        }
        JsonNode dashboard = readJson(root.resolve("deploy/grafana/switchboard-dashboard.json"));
        List<String> queries = dashboard.findValuesAsText("expr");
        assertThat(queries).as("dashboard queries").isNotEmpty();
        Set<String> used = new TreeSet<>();
        for (String expr : queries) {
            Matcher m = METRIC_IN_QUERY.matcher(expr);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).as("metrics on the dashboard").isNotEmpty();
        for (String metric : used) {
            String meter = metric.replaceFirst("(_seconds)?(_total|_bucket|_count|_sum|_max)?$", "");
            assertThat(registered).as("%s on the dashboard is a meter a service registers (Micrometer name %s)",
                    metric, meter.replace('_', '.')).contains(meter);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void assertProbe(JsonNode container, String probe, String path, String name, int port) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("path").asText()).as("%s path of %s", probe, name).isEqualTo(path);
        JsonNode probePort = get.path("port");
        if (probePort.isNumber()) {
            assertThat(probePort.asInt()).as("%s port of %s", probe, name).isEqualTo(port);
        } else {
            JsonNode named = null;
            for (JsonNode p : container.path("ports")) {
                if (p.path("name").asText().equals(probePort.asText())) {
                    named = p;
                }
            }
            assertThat(named).as("container port named '%s' for the %s of %s", probePort.asText(), probe, name)
                    .isNotNull();
            assertThat(named.path("containerPort").asInt()).isEqualTo(port);
        }
    }

    private static void assertReplicaBounds(String where, String name, int min, int max, int partitions) {
        assertThat(max).as("maxReplicaCount of ScaledObject %s in %s <= partitions of its input topic (%d)",
                name, where, partitions).isLessThanOrEqualTo(partitions);
        assertThat(min).as("minReplicaCount of ScaledObject %s in %s", name, where).isBetween(0, max);
    }

    /** Fails on any literal value under a secret-like name: env entries, mappings, KEY=value strings, inline patches. */
    private static void assertNoLiteralSecret(JsonNode node, String where) {
        if (node.isObject()) {
            if (node.has("name") && node.has("value") && SECRET_NAME.matcher(node.path("name").asText()).matches()
                    && !node.path("value").asText().isEmpty()) {
                fail("%s: env %s has a literal value; use a secretKeyRef", where, node.path("name").asText());
            }
            node.fields().forEachRemaining(e -> {
                if (SECRET_NAME.matcher(e.getKey()).matches() && e.getValue().isValueNode()
                        && !e.getValue().asText().isEmpty() && !SUBSTITUTION.matcher(e.getValue().asText()).matches()) {
                    fail("%s: %s has a literal value", where, e.getKey());
                }
                assertNoLiteralSecret(e.getValue(), where);
            });
        } else if (node.isArray()) {
            node.forEach(n -> assertNoLiteralSecret(n, where));
        } else if (node.isTextual()) {
            String text = node.asText();
            Matcher kv = KEY_VALUE.matcher(text);
            if (!text.contains("\n") && kv.matches() && SECRET_NAME.matcher(kv.group(1)).matches()
                    && !kv.group(2).isEmpty() && !SUBSTITUTION.matcher(kv.group(2)).matches()) {
                fail("%s: %s has a literal value", where, kv.group(1));
            }
            if (text.contains("\n") && (text.contains(": ") || text.contains("- "))) {
                // An inline patch or script: check what it holds as YAML too, when it is YAML.
                try {
                    for (JsonNode inner : YAML.readValues(YAML.getFactory().createParser(text), JsonNode.class)
                            .readAll()) {
                        if (inner != null && (inner.isObject() || inner.isArray())) {
                            assertNoLiteralSecret(inner, where + " (inline)");
                        }
                    }
                } catch (IOException notYaml) {
                    // a shell script, not a patch
                }
            }
        }
    }

    /** The address every Kafka client must use: the Strimzi bootstrap Service of the plain listener, by FQDN. */
    private static String expectedBootstrap() {
        JsonNode kafka = single(baseDocs("Kafka"), "Kafka");
        JsonNode plain = null;
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            if (!listener.path("tls").asBoolean(false) && listener.path("type").asText().equals("internal")) {
                plain = listener;
            }
        }
        assertThat(plain).as("a plain internal listener in the Kafka resource").isNotNull();
        String namespace = single(k8sFiles.get(base.resolve("kustomization.yaml")), "Kustomization")
                .path("namespace").asText();
        assertThat(namespace).as("namespace of deploy/k8s/base").isNotBlank();
        return kafka.path("metadata").path("name").asText() + "-kafka-bootstrap." + namespace + ".svc:"
                + plain.path("port").asInt();
    }

    private static Map<String, Map<String, String>> generatedConfigMaps(Path kustomization) {
        Map<String, Map<String, String>> maps = new HashMap<>();
        JsonNode k = single(k8sFiles.get(kustomization), "Kustomization");
        k.path("configMapGenerator").forEach(g -> {
            Map<String, String> data = new LinkedHashMap<>();
            for (String literal : texts(g.path("literals"))) {
                Matcher m = KEY_VALUE.matcher(literal);
                assertThat(m.matches()).as("literal '%s' of ConfigMap %s", literal, g.path("name").asText()).isTrue();
                data.put(m.group(1), m.group(2));
            }
            maps.put(g.path("name").asText(), data);
        });
        for (JsonNode doc : baseDocs("ConfigMap")) {
            Map<String, String> data = new LinkedHashMap<>();
            doc.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
            maps.put(doc.path("metadata").path("name").asText(), data);
        }
        return maps;
    }

    private static Map<String, String> configMapData(List<JsonNode> docs, String prefix) {
        JsonNode map = single(docs.stream().filter(d -> isKind(d, "ConfigMap"))
                .filter(d -> d.path("metadata").path("name").asText().startsWith(prefix + "-")).toList(), prefix);
        Map<String, String> data = new HashMap<>();
        map.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    /** Incoming Kafka channels of a service: topic to consumer group, from its application.properties. */
    private static Map<String, String> incomingTopicsToGroups(String module) {
        Properties props = properties(module);
        Map<String, String> inputs = new HashMap<>();
        Pattern topicKey = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
        for (String key : props.stringPropertyNames()) {
            Matcher m = topicKey.matcher(key);
            if (m.matches()) {
                String channel = m.group(1);
                String group = Optional.ofNullable(props.getProperty("mp.messaging.incoming." + channel + ".group.id"))
                        .or(() -> Optional.ofNullable(props.getProperty("kafka.group.id")))
                        .or(() -> Optional.ofNullable(props.getProperty("quarkus.application.name")))
                        .orElseThrow(() -> new AssertionError(module + ": channel " + channel
                                + " has no group.id; set mp.messaging.incoming." + channel + ".group.id"));
                inputs.put(props.getProperty(key), group);
            }
        }
        return inputs;
    }

    private static int httpPort(String module) {
        return Integer.parseInt(properties(module).getProperty("quarkus.http.port", "8080").trim());
    }

    private static Properties properties(String module) {
        Path file = root.resolve(module).resolve("src/main/resources/application.properties");
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    private static Set<Integer> dockerfileExposes(String module) {
        Path dockerfile = root.resolve(module).resolve("src/main/docker/Dockerfile.jvm");
        assertThat(dockerfile).exists();
        Set<Integer> ports = new HashSet<>();
        for (String line : read(dockerfile).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("EXPOSE ")) {
                for (String p : trimmed.substring(7).trim().split("\\s+")) {
                    ports.add(Integer.parseInt(p.replace("/tcp", "")));
                }
            }
        }
        return ports;
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        } else if (node.isArray()) {
            for (JsonNode entry : node) {
                String[] kv = entry.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return env;
    }

    private static JsonNode mainContainer(JsonNode deployment, String name) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        for (JsonNode c : containers) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        assertThat(containers.size()).as("containers of Deployment %s (one named %s)", name, name).isEqualTo(1);
        return containers.get(0);
    }

    private static Set<Integer> portNumbers(JsonNode container) {
        Set<Integer> ports = new HashSet<>();
        container.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt()));
        return ports;
    }

    private static List<String> envNames(JsonNode container) {
        return container.path("env").findValuesAsText("name").stream().toList();
    }

    private static String topicName(JsonNode topic) {
        String explicit = topic.path("spec").path("topicName").asText();
        return explicit.isEmpty() ? topic.path("metadata").path("name").asText() : explicit;
    }

    /** Complete resources of a kind in the base (overlay patches are partial, so they are looked at separately). */
    private static List<JsonNode> baseDocs(String kind) {
        return k8sFiles.entrySet().stream()
                .filter(e -> e.getKey().startsWith(base))
                .filter(e -> !e.getKey().getFileName().toString().equals(EXAMPLE_SECRET))
                .flatMap(e -> e.getValue().stream())
                .filter(d -> isKind(d, kind))
                .toList();
    }

    private static List<JsonNode> allDocs(String kind) {
        return k8sFiles.values().stream().flatMap(List::stream).filter(d -> isKind(d, kind)).toList();
    }

    private static boolean isKind(JsonNode doc, String kind) {
        return doc.path("kind").asText().equals(kind);
    }

    private static JsonNode named(List<JsonNode> docs, String name, String kind) {
        List<JsonNode> matches = docs.stream().filter(d -> d.path("metadata").path("name").asText().equals(name))
                .toList();
        assertThat(matches).as("%s named %s in deploy/k8s/base", kind, name).hasSize(1);
        return matches.get(0);
    }

    private static JsonNode single(List<JsonNode> docs, String what) {
        assertThat(docs).as("exactly one %s", what).hasSize(1);
        return docs.get(0);
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isValueNode()) {
            out.add(node.asText());
        }
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> readAll(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            return YAML.readValues(parser, JsonNode.class).readAll().stream()
                    .filter(n -> n != null && !n.isNull() && !n.isMissingNode())
                    .toList();
        } catch (IOException e) {
            throw new AssertionError(rel(file) + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(rel(file) + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<JsonNode> render(Path kustomization) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kustomize-", ".yaml");
        Path err = Files.createTempFile("kustomize-", ".err");
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("kubectl kustomize %s finishes", rel(kustomization))
                    .isTrue();
            assertThat(p.exitValue()).as("kubectl kustomize %s: %s", rel(kustomization), read(err).trim())
                    .isZero();
            return readAll(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String rel(Path path) {
        return root.relativize(path).toString();
    }

    /** The repository root: the bench module's parent when run by Maven, found by walking up in any case. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new AssertionError("no deploy/k8s and docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
