package org.lifeline.orchestrator.staff;

import org.lifeline.orchestrator.H2DataLayerTest;

@H2DataLayerTest
class StaffDataOnH2Test extends StaffDataContract {}
