package org.lifeline.orchestrator.assignment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SpecialistRepository extends JpaRepository<Specialist, UUID> {

  @Query(
      value =
          """
          select s from Specialist s
          where (:active is null or s.active = :active)
            and (:language is null or :language member of s.languages)
            and (:topic is null or :topic member of s.topics)
          """)
  Page<Specialist> search(
      @Param("active") Boolean active,
      @Param("language") String language,
      @Param("topic") String topic,
      Pageable pageable);

  boolean existsByUsername(String username);

  Optional<Specialist> findByUsername(String username);

  boolean existsByUsernameAndIdNot(String username, UUID id);

  @Query("select s.username from Specialist s where s.username in :usernames")
  List<String> findTakenUsernames(@Param("usernames") Collection<String> usernames);
}
