package org.lifeline.orchestrator.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes, pauses and lists specialists; input is validated before it gets here. */
@Service
public class SpecialistRegistry {

  private final SpecialistRepository specialists;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  SpecialistRegistry(SpecialistRepository specialists, Clock clock, ApplicationEventPublisher events) {
    this.specialists = specialists;
    this.clock = clock;
    this.events = events;
  }

  @Transactional
  public SpecialistView create(SpecialistDraft draft) {
    if (draft.username() != null && specialists.existsByUsername(draft.username().strip())) {
      throw new UsernameTakenException(draft.username().strip());
    }
    SpecialistView created = SpecialistView.of(specialists.save(new Specialist(draft, now())));
    events.publishEvent(new CapacityAppeared());
    return created;
  }

  /** Stores many new specialists in one transaction: all of them or, on any failure, none. */
  @Transactional
  public int createAll(List<SpecialistDraft> drafts) {
    specialists.saveAll(drafts.stream().map(draft -> new Specialist(draft, now())).toList());
    events.publishEvent(new CapacityAppeared());
    return drafts.size();
  }

  @Transactional
  public SpecialistView update(UUID id, SpecialistDraft draft) {
    Specialist specialist = find(id);
    if (draft.username() != null && specialists.existsByUsernameAndIdNot(draft.username().strip(), id)) {
      throw new UsernameTakenException(draft.username().strip());
    }
    specialist.apply(draft, now());
    SpecialistView updated = SpecialistView.of(specialists.saveAndFlush(specialist));
    events.publishEvent(new CapacityAppeared());
    return updated;
  }

  @Transactional
  public SpecialistView pause(UUID id) {
    Specialist specialist = find(id);
    specialist.pause(now());
    return SpecialistView.of(specialists.saveAndFlush(specialist));
  }

  @Transactional
  public SpecialistView resume(UUID id) {
    Specialist specialist = find(id);
    specialist.resume(now());
    SpecialistView resumed = SpecialistView.of(specialists.saveAndFlush(specialist));
    events.publishEvent(new CapacityAppeared());
    return resumed;
  }

  @Transactional(readOnly = true)
  public SpecialistView get(UUID id) {
    return SpecialistView.of(find(id));
  }

  @Transactional(readOnly = true)
  public Page<SpecialistView> search(Boolean active, String language, String topic, int page, int size) {
    return specialists
        .search(active, language, topic, PageRequest.of(page, size, Sort.by("name", "id")))
        .map(SpecialistView::of);
  }

  /**
   * Every specialist's load and whether they are on shift now: on shift first, then the least loaded, then by name.
   * The shifts are read in batches (no query per specialist).
   */
  @Transactional(readOnly = true)
  public List<SpecialistLoad> loads() {
    Instant now = clock.instant();
    return specialists.findAll(Sort.by("name", "id")).stream()
        .map(specialist -> SpecialistLoad.of(specialist, now))
        .sorted(
            Comparator.comparing((SpecialistLoad load) -> !(load.active() && load.onShiftNow()))
                .thenComparing(load -> !load.active())
                .thenComparingDouble(load -> (double) load.activeCases() / load.maxCases()))
        .toList();
  }

  /** The specialist, or empty when there is no such one. */
  @Transactional(readOnly = true)
  public Optional<SpecialistLoad> load(UUID id) {
    return specialists.findById(id).map(specialist -> SpecialistLoad.of(specialist, clock.instant()));
  }

  /** Microseconds, as the database stores them: a created specialist reads back exactly as answered. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private Specialist find(UUID id) {
    return specialists.findById(id).orElseThrow(() -> new SpecialistNotFoundException(id));
  }
}
