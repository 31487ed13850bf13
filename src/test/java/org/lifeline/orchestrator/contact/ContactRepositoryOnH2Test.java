package org.lifeline.orchestrator.contact;

import org.lifeline.orchestrator.H2DataLayerTest;

@H2DataLayerTest
class ContactRepositoryOnH2Test extends ContactRepositoryContract {}
