package org.lifeline.orchestrator.notification;

import org.lifeline.orchestrator.PostgresDataLayerTest;

@PostgresDataLayerTest
class OutboxRepositoryOnPostgresTest extends OutboxRepositoryContract {}
