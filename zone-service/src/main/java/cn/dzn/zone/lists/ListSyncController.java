package cn.dzn.zone.lists;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.sync.RecordStore;
import cn.dzn.platform.sync.SyncEndpoints;

/** {@code /api/lists/sync}, {@code /changes} and {@code /audit} (docs/sync.md). */
@RestController
@RequestMapping("/api/lists")
public class ListSyncController extends SyncEndpoints<ListInput, PublishedList> {

    public ListSyncController(RecordStore<ListInput, PublishedList> lists) {
        super(lists);
    }
}
