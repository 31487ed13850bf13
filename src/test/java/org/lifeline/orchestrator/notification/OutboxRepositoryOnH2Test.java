package org.lifeline.orchestrator.notification;

import org.lifeline.orchestrator.H2DataLayerTest;

@H2DataLayerTest
class OutboxRepositoryOnH2Test extends OutboxRepositoryContract {}
