package org.crowdhex.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How well a run's flows match the real ones: the common part of commuters (CPC, Lenormand et al.,
 * PLoS ONE 2012) between the true flows T and the estimated flows T̂ over the pairs of zones,
 *
 * <pre>CPC = 2·Σ min(T, T̂) / (Σ T + Σ T̂)</pre>
 *
 * 1 when every pair carries the same number of authors, 0 when the two share nothing. It is scored
 * per event phase of the generator's ground truth (a match's arrival and egress), on flows
 * aggregated to venue zones ({@code flows.zones: venues}), whose zone ids are the truth's venue
 * ids.
 *
 * <p>How the estimate of a phase is made from the flows output:
 *
 * <ul>
 *   <li>of each (origin, destination, window) only the highest revision counts;
 *   <li>windows overlap when they slide, so only windows that tile time are summed: those whose
 *       start lies a whole number of window lengths from the phase's start (else from the epoch); a
 *       window belongs to the phase when more than half of it lies in the phase;
 *   <li>the pairs compared are those the truth speaks about: when every true flow of the phase ends
 *       at the event's venue (arrival at the stadium), every estimated flow into that venue; when
 *       every one starts there (egress), every estimated flow out of it; else the true pairs only.
 *       Flows from or to places the truth does not list count against the estimate.
 * </ul>
 *
 * Distinct authors are summed over the phase's windows: an author moving along one pair in two
 * windows counts twice, which the phases of a match (one trip each way) rarely see.
 */
public final class FlowAccuracy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Comparator<List<String>> PAIR_ORDER =
      Comparator.<List<String>, String>comparing(p -> p.get(0)).thenComparing(p -> p.get(1));

  private FlowAccuracy() {}

  /**
   * The accuracy of one event phase.
   *
   * @param eventId the event
   * @param phase the phase
   * @param start the phase's start
   * @param end the phase's end
   * @param cpc the common part of commuters, 0 to 1
   * @param truthAuthors Σ T
   * @param estimatedAuthors Σ T̂ over the pairs compared
   * @param pairs every pair compared, ordered by origin and destination
   */
  public record PhaseScore(
      String eventId,
      String phase,
      Instant start,
      Instant end,
      double cpc,
      long truthAuthors,
      long estimatedAuthors,
      List<PairCount> pairs) {}

  /** One pair of zones: the true and the estimated authors. */
  public record PairCount(String origin, String destination, long truth, long estimate) {}

  /**
   * The common part of commuters of two sets of flows keyed alike; pairs missing from one side
   * count as 0 there. NaN when both are empty.
   */
  public static <K> double cpc(Map<K, Long> truth, Map<K, Long> estimate) {
    long common = 0;
    long total = 0;
    for (Map.Entry<K, Long> t : truth.entrySet()) {
      common += Math.min(t.getValue(), estimate.getOrDefault(t.getKey(), 0L));
      total += t.getValue();
    }
    for (long e : estimate.values()) total += e;
    return total == 0 ? Double.NaN : 2.0 * common / total;
  }

  /** Scores the flows output against the true flows, one score per event phase in truth order. */
  public static List<PhaseScore> score(List<TruthFlow> truth, List<EstimatedFlow> flows) {
    Map<List<Object>, EstimatedFlow> latest = new HashMap<>();
    for (EstimatedFlow f : flows) {
      List<Object> key = List.of(f.origin(), f.destination(), f.windowStart());
      EstimatedFlow known = latest.get(key);
      if (known == null || f.revision() > known.revision()) latest.put(key, f);
    }
    Set<Long> lengths =
        flows.stream()
            .map(f -> Duration.between(f.windowStart(), f.windowEnd()).toMillis())
            .collect(Collectors.toCollection(TreeSet::new));
    if (lengths.size() > 1) {
      throw new IllegalArgumentException(
          "the flows have windows of " + lengths + " ms; expected one window length");
    }
    long length = lengths.isEmpty() ? 1 : lengths.iterator().next();

    Map<List<String>, List<TruthFlow>> phases = new LinkedHashMap<>();
    for (TruthFlow t : truth) {
      phases.computeIfAbsent(List.of(t.eventId(), t.phase()), k -> new ArrayList<>()).add(t);
    }
    List<PhaseScore> scores = new ArrayList<>();
    for (List<TruthFlow> phase : phases.values()) {
      scores.add(scorePhase(phase, latest.values(), length));
    }
    return scores;
  }

  private static PhaseScore scorePhase(
      List<TruthFlow> phase, Iterable<EstimatedFlow> flows, long length) {
    TruthFlow first = phase.get(0);
    long start = first.start().toEpochMilli();
    long end = first.end().toEpochMilli();
    Map<List<String>, Long> truth = new TreeMap<>(PAIR_ORDER);
    String venue = first.venue();
    boolean into = venue != null;
    boolean outOf = venue != null;
    for (TruthFlow t : phase) {
      truth.merge(List.of(t.origin(), t.destination()), (long) t.authors(), Long::sum);
      into = into && venue.equals(t.destination());
      outOf = outOf && venue.equals(t.origin());
    }
    long residue = residue(flows, start, length);
    Map<List<String>, Long> estimate = new TreeMap<>(PAIR_ORDER);
    for (EstimatedFlow f : flows) {
      long s = f.windowStart().toEpochMilli();
      if (Math.floorMod(s, length) != residue) continue;
      long overlap = Math.min(end, s + length) - Math.max(start, s);
      if (2 * overlap <= length) continue;
      boolean inScope =
          into
              ? venue.equals(f.destination())
              : outOf
                  ? venue.equals(f.origin())
                  : truth.containsKey(List.of(f.origin(), f.destination()));
      if (inScope) {
        estimate.merge(List.of(f.origin(), f.destination()), (long) f.authors(), Long::sum);
      }
    }
    Map<List<String>, PairCount> pairs = new TreeMap<>(PAIR_ORDER);
    truth.forEach((k, v) -> pairs.put(k, new PairCount(k.get(0), k.get(1), v, 0)));
    estimate.forEach(
        (k, v) ->
            pairs.merge(
                k,
                new PairCount(k.get(0), k.get(1), 0, v),
                (a, b) -> new PairCount(a.origin(), a.destination(), a.truth(), b.estimate())));
    long truthTotal = truth.values().stream().mapToLong(Long::longValue).sum();
    long estimateTotal = estimate.values().stream().mapToLong(Long::longValue).sum();
    return new PhaseScore(
        first.eventId(),
        first.phase(),
        first.start(),
        first.end(),
        cpc(truth, estimate),
        truthTotal,
        estimateTotal,
        List.copyOf(pairs.values()));
  }

  /** Which windows tile the phase: aligned with its start when there are such, else the epoch. */
  private static long residue(Iterable<EstimatedFlow> flows, long start, long length) {
    long aligned = Math.floorMod(start, length);
    for (EstimatedFlow f : flows) {
      if (Math.floorMod(f.windowStart().toEpochMilli(), length) == aligned) return aligned;
    }
    return 0;
  }

  /**
   * Reads the true flows of a generator's {@code truth.json}: its {@code flows} array of objects
   * with {@code event_id}, {@code phase}, {@code origin}, {@code destination}, {@code authors},
   * {@code start} and {@code end}, each with the {@code venue_id} of its event from {@code events}
   * (null when the event is not listed).
   *
   * @throws EvaluationFileException listing every problem, when the file is missing, not JSON or
   *     has no such flows
   */
  public static List<TruthFlow> readTruth(Path file) throws IOException {
    String name = String.valueOf(file.getFileName());
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = JSON.readTree(in);
    } catch (NoSuchFileException e) {
      throw single(name, name + " does not exist; expected the truth.json of a generated stream");
    } catch (JsonProcessingException e) {
      throw single(
          name, name + " is not JSON: " + e.getOriginalMessage() + "; expected a JSON object");
    }
    JsonNode flows = root == null ? null : root.get("flows");
    if (flows == null || !flows.isArray()) {
      throw single(
          name,
          name
              + ": flows is "
              + TruthFile.shape(flows)
              + "; expected the array of true flows that crowdhex generate writes");
    }
    Map<String, String> venues = new HashMap<>();
    JsonNode events = root.get("events");
    if (events != null && events.isArray()) {
      for (JsonNode e : events) {
        if (e.path("id").isTextual() && e.path("venue_id").isTextual()) {
          venues.put(e.get("id").asText(), e.get("venue_id").asText());
        }
      }
    }
    List<String> problems = new ArrayList<>();
    List<TruthFlow> out = new ArrayList<>();
    for (int i = 0; i < flows.size(); i++) {
      JsonNode f = flows.get(i);
      String at = name + ": flows[" + i + "]";
      if (!f.isObject()) {
        problems.add(at + " is " + TruthFile.shape(f) + "; expected an object");
        continue;
      }
      int before = problems.size();
      String event = text(f, "event_id", at, problems);
      String phase = text(f, "phase", at, problems);
      String origin = text(f, "origin", at, problems);
      String destination = text(f, "destination", at, problems);
      int authors = count(f, "authors", at, problems);
      Instant start = TruthFile.instant(f.get("start"), at, "start", problems);
      Instant end = TruthFile.instant(f.get("end"), at, "end", problems);
      if (problems.size() == before) {
        out.add(
            new TruthFlow(
                event, venues.get(event), phase, origin, destination, authors, start, end));
      }
    }
    if (!problems.isEmpty()) throw new EvaluationFileException(name, problems);
    return List.copyOf(out);
  }

  /**
   * Reads a flows output ({@code flows.jsonl}): one object per line with {@code origin}, {@code
   * destination}, {@code window_start}, {@code window_end}, {@code authors} and optionally {@code
   * revision}; blank lines are skipped and other fields ignored.
   *
   * @throws EvaluationFileException listing every problem, when the file is missing or has lines
   *     that are not flow records
   */
  public static List<EstimatedFlow> readFlows(Path file) throws IOException {
    String name = String.valueOf(file.getFileName());
    List<String> problems = new ArrayList<>();
    List<EstimatedFlow> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) continue;
        String at = name + " line " + number;
        JsonNode r;
        try {
          r = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          problems.add(at + " is not JSON: " + e.getOriginalMessage() + "; expected one object");
          continue;
        }
        if (r == null || !r.isObject()) {
          problems.add(at + " is " + TruthFile.shape(r) + "; expected one JSON object");
          continue;
        }
        int before = problems.size();
        String origin = text(r, "origin", at, problems);
        String destination = text(r, "destination", at, problems);
        Instant start = TruthFile.instant(r.get("window_start"), at, "window_start", problems);
        Instant end = TruthFile.instant(r.get("window_end"), at, "window_end", problems);
        int authors = count(r, "authors", at, problems);
        int revision = r.has("revision") ? count(r, "revision", at, problems) : 0;
        if (problems.size() > before) continue;
        if (!end.isAfter(start)) {
          problems.add(at + ": window_end is " + end + "; expected an instant after " + start);
          continue;
        }
        out.add(new EstimatedFlow(origin, destination, start, end, authors, revision));
      }
    } catch (NoSuchFileException e) {
      throw single(name, name + " does not exist; expected a flows file of JSON lines");
    }
    if (!problems.isEmpty()) throw new EvaluationFileException(name, problems);
    return List.copyOf(out);
  }

  private static String text(JsonNode record, String field, String at, List<String> problems) {
    JsonNode node = record.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      problems.add(at + ": " + field + " is " + TruthFile.shape(node) + "; expected a text");
      return null;
    }
    return node.asText();
  }

  private static int count(JsonNode record, String field, String at, List<String> problems) {
    JsonNode node = record.get(field);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0) {
      problems.add(
          at + ": " + field + " is " + TruthFile.shape(node) + "; expected a whole number >= 0");
      return 0;
    }
    return node.asInt();
  }

  private static EvaluationFileException single(String name, String problem) {
    return new EvaluationFileException(name, List.of(problem));
  }
}
