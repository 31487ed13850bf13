package org.lifeline.orchestrator.request;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HelpRequestRepository extends JpaRepository<HelpRequest, UUID> {

  Optional<HelpRequest> findByIdempotencyScopeAndIdempotencyKey(String idempotencyScope, String idempotencyKey);

  List<HelpRequest> findByContactIdOrderByCreatedAt(UUID contactId);

  List<HelpRequest> findByContactIdAndIntegratorOrderByCreatedAt(UUID contactId, String integrator);

  /** Whether the request was brought by this integrator (false when there is no such request). */
  boolean existsByIdAndIntegrator(UUID id, String integrator);

  /** The person's current request, if one is still open. */
  Optional<HelpRequest> findFirstByContactIdAndStatusNotInOrderByCreatedAtDesc(
      UUID contactId, Collection<RequestStatus> finalStatuses);

  /** Open requests without a process instance in the current engine run, oldest first. */
  @Query(
      """
      select r.id from HelpRequest r
      where r.status not in :finalStatuses
        and (r.processInstanceKey is null or r.engineRun is null or r.engineRun <> :engineRun)
        and (r.dispatchNotBefore is null or r.dispatchNotBefore <= :now)
      order by r.createdAt
      """)
  List<UUID> findIdsToDispatch(
      @Param("finalStatuses") Collection<RequestStatus> finalStatuses,
      @Param("engineRun") String engineRun,
      @Param("now") Instant now,
      Limit limit);

  /**
   * Takes a request for dispatch: only one caller (thread or replica) wins while the lease runs,
   * so a request is never started twice concurrently.
   */
  @Modifying(clearAutomatically = true)
  @Query(
      """
      update HelpRequest r set r.dispatchNotBefore = :leaseUntil
      where r.id = :id
        and (r.processInstanceKey is null or r.engineRun is null or r.engineRun <> :engineRun)
        and (r.dispatchNotBefore is null or r.dispatchNotBefore <= :now)
      """)
  int leaseForDispatch(
      @Param("id") UUID id,
      @Param("engineRun") String engineRun,
      @Param("now") Instant now,
      @Param("leaseUntil") Instant leaseUntil);

  /** After a failed start: try again no earlier than this. */
  @Modifying(clearAutomatically = true)
  @Query("update HelpRequest r set r.dispatchNotBefore = :notBefore where r.id = :id")
  int postponeDispatch(@Param("id") UUID id, @Param("notBefore") Instant notBefore);

  /** Contacts whose requests are all final and untouched since the cutoff, and not yet erased. */
  @Query(
      """
      select c.id from Contact c
      where c.erasedAt is null
        and not exists (select r.id from HelpRequest r where r.contactId = c.id
                        and (r.status not in :finalStatuses or r.updatedAt >= :cutoff))
      """)
  List<UUID> findContactsWithOnlyFinalRequestsUpdatedBefore(
      @Param("cutoff") Instant cutoff, @Param("finalStatuses") Collection<RequestStatus> finalStatuses);

  default List<UUID> findContactsWithOnlyFinalRequestsUpdatedBefore(Instant cutoff) {
    return findContactsWithOnlyFinalRequestsUpdatedBefore(cutoff, RequestStatus.FINAL);
  }

  /** How many requests are in each status (operations metrics). */
  @Query("select r.status as status, count(r) as count from HelpRequest r group by r.status")
  List<StatusCount> countByStatus();

  interface StatusCount {
    RequestStatus getStatus();

    long getCount();
  }
}
