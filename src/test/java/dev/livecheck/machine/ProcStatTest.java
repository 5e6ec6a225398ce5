package dev.livecheck.machine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcStatTest {
    @Test
    void aCommandNameWithSpacesAndParenthesesIsReadWhole() {
        String line = "4242 (Web Content (x)) S 4200 4242 4242 0 -1 4194560 100 0 0 0 350 50 0 0 20 0 30 0 123456 1000 100 18446744073709551615";
        ProcStat.Proc p = ProcStat.parseProc(4242, line).orElseThrow();

        assertThat(p.comm()).isEqualTo("Web Content (x)");
        assertThat(p.ppid()).isEqualTo(4200);
        assertThat(p.ticks()).isEqualTo(400);
        assertThat(p.startTicks()).isEqualTo(123456);
    }

    @Test
    void theCpuLineSplitsBusyIdleAndSteal() {
        String stat = "cpu  100 5 50 1000 20 1 4 30 0 0\ncpu0 50 2 25 500 10 0 2 15 0 0\nprocs_running 7\n";
        ProcStat.Cpu cpu = ProcStat.parseCpu(stat).orElseThrow();

        assertThat(cpu.busy()).isEqualTo(100 + 5 + 50 + 1 + 4);
        assertThat(cpu.idle()).isEqualTo(1020);
        assertThat(cpu.steal()).isEqualTo(30);
        assertThat(cpu.runnable()).isEqualTo(7);
    }

    @Test
    void aTruncatedLineIsNoProcess() {
        assertThat(ProcStat.parseProc(1, "1 (init) S 0")).isEmpty();
        assertThat(ProcStat.parseCpu("intr 1 2 3")).isEmpty();
    }
}
