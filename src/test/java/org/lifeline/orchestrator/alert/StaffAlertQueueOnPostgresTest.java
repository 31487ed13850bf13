package org.lifeline.orchestrator.alert;

import org.lifeline.orchestrator.PostgresDataLayerTest;

@PostgresDataLayerTest
class StaffAlertQueueOnPostgresTest extends StaffAlertQueueContract {}
