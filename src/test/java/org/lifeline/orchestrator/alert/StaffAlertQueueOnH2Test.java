package org.lifeline.orchestrator.alert;

import org.lifeline.orchestrator.H2DataLayerTest;

@H2DataLayerTest
class StaffAlertQueueOnH2Test extends StaffAlertQueueContract {}
