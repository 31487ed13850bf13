package org.lifeline.orchestrator.conversation;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CannedResponseRepository extends JpaRepository<CannedResponse, UUID> {

  List<CannedResponse> findByLanguageOrderByCategoryAscTitleAsc(String language);

  List<CannedResponse> findAllByOrderByLanguageAscCategoryAscTitleAsc();
}
