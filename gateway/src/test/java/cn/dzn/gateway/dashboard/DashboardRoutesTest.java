package cn.dzn.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DashboardRoutesTest {

    @Test
    void staffSignInNeedsBothTheProvidersIssuerAndTheDashboardsClientId() {
        assertThat(DashboardRoutes.signInConfig("https://sso.example.cn/realms/staff", " dzn-dashboard "))
                .containsEntry("oidc", Map.of("issuer", "https://sso.example.cn/realms/staff", "clientId", "dzn-dashboard"));
        assertThat(DashboardRoutes.signInConfig("https://sso.example.cn/realms/staff", "")).containsEntry("oidc", null);
        assertThat(DashboardRoutes.signInConfig("", "dzn-dashboard")).containsEntry("oidc", null);
    }

    @Test
    void theChartingLibrarysVersionIsReadFromItsWebjar() {
        assertThat(DashboardRoutes.chartJsVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }
}
