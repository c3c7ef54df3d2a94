package cn.dzn.zone.overview;

import org.springframework.cloud.openfeign.FeignClient;

/** One Feign client per service, all speaking {@link FiguresApi}. */
final class Clients {

    private Clients() {
    }

    @FeignClient(name = "fund", url = "${dzn.services.fund-url}")
    interface Fund extends FiguresApi {
    }

    @FeignClient(name = "talent", url = "${dzn.services.talent-url}")
    interface Talent extends FiguresApi {
    }

    @FeignClient(name = "incubator", url = "${dzn.services.incubator-url}")
    interface Incubator extends FiguresApi {
    }
}
