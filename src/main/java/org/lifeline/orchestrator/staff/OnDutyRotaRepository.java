package org.lifeline.orchestrator.staff;

import org.springframework.data.jpa.repository.JpaRepository;

interface OnDutyRotaRepository extends JpaRepository<OnDutyRotaRow, Integer> {}
