package org.lifeline.orchestrator.staff;

import org.lifeline.orchestrator.PostgresDataLayerTest;

@PostgresDataLayerTest
class StaffDataOnPostgresTest extends StaffDataContract {}
