package org.lifeline.orchestrator.report;

import org.lifeline.orchestrator.H2DataLayerTest;

@H2DataLayerTest
class ReportFiguresOnH2Test extends ReportFiguresContract {}
