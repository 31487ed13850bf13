package org.lifeline.orchestrator.request;

import org.lifeline.orchestrator.H2DataLayerTest;

@H2DataLayerTest
class RequestRepositoriesOnH2Test extends RequestRepositoriesContract {}
