package com.example.renlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcmeEmployeeIdDetectorTest {

    @Test
    void findsEmployeeIdsAndOnlyThem() {
        List<Finding> found = new AcmeEmployeeIdDetector().scan(ScanInput.of(
                "ACME-123456 and XACME-123456 and ACME-1234567 and ACME-654321", "t", ScanInput.Phase.REQUEST));

        assertEquals(List.of(Finding.of("ACME_EMPLOYEE_ID", 0, 11, 0.95), Finding.of("ACME_EMPLOYEE_ID", 50, 61, 0.95)),
                found);
    }
}
