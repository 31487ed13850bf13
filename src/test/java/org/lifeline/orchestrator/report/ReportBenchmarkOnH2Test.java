package org.lifeline.orchestrator.report;

import org.lifeline.orchestrator.H2DataLayerTest;

@H2DataLayerTest
class ReportBenchmarkOnH2Test extends ReportBenchmark {}
