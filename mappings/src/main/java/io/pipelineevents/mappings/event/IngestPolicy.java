package io.pipelineevents.mappings.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What to do with an event that needed fixes before ingest would accept it; chosen per realm.
 *
 * <p>Events are always made valid first (see {@link IngestRules}); the policy only decides whether a
 * fixed event may be sent. Events the mappings refused outright (an eventType that renders nothing)
 * are refused under every policy and are not seen here.
 */
public enum IngestPolicy {

    /** Send fixed events as they are; their fixes are for the log. The default. */
    SANITIZE,
    /** Refuse any event that needed a fix; its fixes become the reason. */
    STRICT;

    /**
     * What a realm gets under a policy: the events to send; the events refused (in order) and the reason for each,
     * at the same index.
     */
    public record Admission(List<MappedEvent> accepted, List<MappedEvent> refused, List<String> refusals) {

        public Admission {
            accepted = List.copyOf(accepted);
            refused = List.copyOf(refused);
            refusals = List.copyOf(refusals);
        }

        /** The events to send, in order. */
        public List<SplunkEvent> events() {
            return accepted.stream().map(MappedEvent::event).toList();
        }

        /** The fixes of the accepted events, to log. */
        public List<String> fixes() {
            return accepted.stream().flatMap(mapped -> mapped.fixes().stream()).toList();
        }

        public boolean refusedAny() {
            return !refusals.isEmpty();
        }
    }

    /** Applies this policy to the events of one notification, keeping their order. */
    public Admission admit(List<MappedEvent> mapped) {
        List<MappedEvent> accepted = new ArrayList<>();
        List<MappedEvent> refused = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (MappedEvent event : mapped) {
            if (this == STRICT && event.fixed()) {
                refused.add(event);
                refusals.add("rule '" + event.rule() + "': event refused by the STRICT ingest policy because it needed "
                        + (event.fixes().size() == 1 ? "a fix: " : event.fixes().size() + " fixes: ")
                        + String.join("; ", event.fixes()));
            } else {
                accepted.add(event);
            }
        }
        return new Admission(accepted, refused, refusals);
    }

    /** The name used in settings: {@code sanitize} or {@code strict}. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a setting value, ignoring case; empty when it names no policy. */
    public static Optional<IngestPolicy> fromSetting(String value) {
        return Arrays.stream(values()).filter(policy -> policy.name().equalsIgnoreCase(value.trim())).findFirst();
    }

    public static List<String> settingNames() {
        return Arrays.stream(values()).map(IngestPolicy::settingName).toList();
    }
}
