package org.lifeline.orchestrator.feedback;

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

interface FeedbackRequestRepository extends JpaRepository<FeedbackRequest, UUID> {

  Optional<FeedbackRequest> findByRequestId(UUID requestId);

  boolean existsByRequestId(UUID requestId);

  /** Feedback steps without a process instance in this engine run (never started, or lost with a restart). */
  @Query(
      """
      select f.requestId from FeedbackRequest f
      where f.finishedAt is null and f.nextAttemptAt is not null and f.nextAttemptAt <= :now
        and (f.engineRun is null or f.engineRun <> :run)
      order by f.caseClosedAt
      """)
  List<UUID> findToStart(@Param("run") String engineRun, @Param("now") Instant now, Limit limit);

  /** Takes a feedback step for starting: one caller (thread or replica) wins while the lease runs. */
  @Modifying(clearAutomatically = true)
  @Query(
      """
      update FeedbackRequest f set f.nextAttemptAt = :leaseUntil
      where f.requestId = :requestId and f.finishedAt is null and f.nextAttemptAt is not null
        and f.nextAttemptAt <= :now and (f.engineRun is null or f.engineRun <> :run)
      """)
  int leaseForStart(
      @Param("requestId") UUID requestId,
      @Param("run") String engineRun,
      @Param("now") Instant now,
      @Param("leaseUntil") Instant leaseUntil);

  @Modifying(clearAutomatically = true)
  @Query(
      """
      update FeedbackRequest f set f.engineRun = :run, f.processInstanceKey = :key, f.attempts = f.attempts + 1
      where f.requestId = :requestId
      """)
  int started(@Param("requestId") UUID requestId, @Param("run") String engineRun, @Param("key") long processInstanceKey);

  @Modifying(clearAutomatically = true)
  @Query(
      "update FeedbackRequest f set f.nextAttemptAt = :notBefore, f.attempts = f.attempts + 1 where f.requestId = :requestId")
  int postponeStart(@Param("requestId") UUID requestId, @Param("notBefore") Instant notBefore);

  /** Answers stored whose FeedbackReceived message the engine does not have yet. */
  @Query(
      """
      select f.requestId from FeedbackRequest f
      where f.answerPublishedAt is null and f.nextPublishAt is not null and f.nextPublishAt <= :now
      order by f.answeredAt
      """)
  List<UUID> findAnswersToPublish(@Param("now") Instant now, Limit limit);

  @Modifying(clearAutomatically = true)
  @Query(
      """
      update FeedbackRequest f set f.nextPublishAt = :leaseUntil
      where f.requestId = :requestId and f.answerPublishedAt is null and f.nextPublishAt is not null
        and f.nextPublishAt <= :now
      """)
  int leaseForPublishing(
      @Param("requestId") UUID requestId, @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil);

  @Modifying(clearAutomatically = true)
  @Query("update FeedbackRequest f set f.answerPublishedAt = :now where f.requestId = :requestId")
  int markAnswerPublished(@Param("requestId") UUID requestId, @Param("now") Instant now);

  @Modifying(clearAutomatically = true)
  @Query("update FeedbackRequest f set f.nextPublishAt = :notBefore where f.requestId = :requestId")
  int postponePublishing(@Param("requestId") UUID requestId, @Param("notBefore") Instant notBefore);

  @Modifying(clearAutomatically = true)
  @Query("update FeedbackRequest f set f.comment = null where f.requestId in :requestIds")
  int eraseComments(@Param("requestIds") Collection<UUID> requestIds);

  /** Feedback asked for in a period, grouped by specialist: requested, answered, sum of ratings. */
  @Query(
      """
      select f.specialistId, count(f), count(f.rating), coalesce(sum(f.rating), 0) from FeedbackRequest f
      where f.askedAt is not null and f.askedAt >= :from and f.askedAt < :to
      group by f.specialistId
      """)
  List<Object[]> statistics(@Param("from") Instant from, @Param("to") Instant to);
}
