package io.pipelineevents.benchmarks.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.pipelineevents.mappings.MappingLoadException;
import io.pipelineevents.mappings.MappingSet;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The mapping engine per notification, against the ceiling of doing nothing but Jackson on the same bytes.
 *
 * <p>One invocation goes once through the whole corpus mix, so one operation is one notification and the score is
 * the mix's average. Each mapping set is loaded only by the benchmark that uses it (a state of its own), and checked
 * at set-up to make exactly the events the default preset makes, so the three mapping scores measure the same work.
 */
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MappingBenchmark {

    /** The service writes with a plain ObjectMapper; one is shared, as in the service. */
    static final ObjectMapper JSON = new ObjectMapper();

    @State(Scope.Benchmark)
    public static class Mix {
        byte[][] bodies;

        @Setup
        public void read() {
            bodies = CorpusMix.codePipeline().bodies().toArray(byte[][]::new);
        }
    }

    @State(Scope.Benchmark)
    public static class DefaultPreset {
        ServicePath service;

        @Setup
        public void load(Mix mix) throws MappingLoadException, IOException {
            service = checked(MappingSet.preset("codepipeline"), mix);
        }
    }

    @State(Scope.Benchmark)
    public static class TenRules {
        ServicePath service;

        @Setup
        public void load(Mix mix) throws MappingLoadException, IOException {
            service = checked(new GeneratedMappings(10).load(), mix);
        }
    }

    @State(Scope.Benchmark)
    public static class ThousandRules {
        ServicePath service;

        @Setup
        public void load(Mix mix) throws MappingLoadException, IOException {
            service = checked(new GeneratedMappings(1000).load(), mix);
        }
    }

    @State(Scope.Benchmark)
    public static class Ceiling {
        ObjectReader reader;

        @Setup
        public void configure() {
            reader = new NotificationReader(JSON).jsonReader();
        }
    }

    @Benchmark
    @OperationsPerInvocation(CorpusMix.SIZE)
    public void mapDefaultPreset(Mix mix, DefaultPreset mappings, Blackhole sink) throws IOException {
        mapAll(mix, mappings.service, sink);
    }

    @Benchmark
    @OperationsPerInvocation(CorpusMix.SIZE)
    public void mapWith10Rules(Mix mix, TenRules mappings, Blackhole sink) throws IOException {
        mapAll(mix, mappings.service, sink);
    }

    @Benchmark
    @OperationsPerInvocation(CorpusMix.SIZE)
    public void mapWith1000Rules(Mix mix, ThousandRules mappings, Blackhole sink) throws IOException {
        mapAll(mix, mappings.service, sink);
    }

    /** Jackson alone: each body parsed to a tree and the tree written back, nothing else. */
    @Benchmark
    @OperationsPerInvocation(CorpusMix.SIZE)
    public void jacksonCeiling(Mix mix, Ceiling ceiling, Blackhole sink) throws IOException {
        for (byte[] body : mix.bodies) {
            JsonNode tree = ceiling.reader.readTree(body);
            sink.consume(JSON.writeValueAsBytes(tree));
        }
    }

    private static void mapAll(Mix mix, ServicePath service, Blackhole sink) throws IOException {
        for (byte[] body : mix.bodies) {
            for (byte[] event : service.encodedEvents(body)) {
                sink.consume(event);
            }
        }
    }

    /** A service path for these mappings, after checking they make the default preset's events from the mix. */
    static ServicePath checked(MappingSet mappings, Mix mix) throws MappingLoadException, IOException {
        ServicePath service = new ServicePath(mappings, JSON);
        ServicePath preset = new ServicePath(MappingSet.preset("codepipeline"), JSON);
        for (int i = 0; i < mix.bodies.length; i++) {
            var events = service.outcome(mix.bodies[i]).events();
            if (events.size() != 1 || !events.equals(preset.outcome(mix.bodies[i]).events())) {
                throw new IllegalStateException(CorpusMix.FILES.get(i) + " does not make the preset's one event with "
                        + mappings.describe() + ": " + events);
            }
        }
        return service;
    }
}
