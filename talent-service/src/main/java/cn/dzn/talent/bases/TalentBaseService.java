package cn.dzn.talent.bases;

import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.dzn.platform.resources.RecordStore;

/** What other features ask of training bases; the API's base operations are the kit's. */
@Service
public class TalentBaseService {

    private final RecordStore<TalentBaseInput, TalentBase> bases;

    TalentBaseService(RecordStore<TalentBaseInput, TalentBase> bases) {
        this.bases = bases;
    }

    /** A live base whoever asks: for the service's own checks, never for an answer to a caller. */
    public Optional<TalentBase> lookup(String id) {
        return bases.lookup(id);
    }
}
