#pragma once
// The run record in the application (issue 11 §4): what an opened photo says about how
// it was made (read on the I/O worker with rdbm::readRestoreRecord), the text that shows
// it, and what a save needs to write one (rdbm::makeRestoreRecord, the same as
// rdbm-restore). The model's SHA-256 is computed on the I/O worker and cached there.
#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include "RestoreTypes.h"
#include "rdbm/RestoreRecord.h"

namespace rdbm::app {

// The record of an opened photo.
struct PhotoRecord {
    bool present = false; // the file carries a record that was read
    rdbm::RestoreRecord record;
    QString error; // not empty: the file has a record that could not be read (the photo still opens)
};

// What a saved result's record is made from: the outcome's model and sampler settings.
struct RecordSource {
    ModelPtr model; // null: no record is written
    rdbm::SamplerOptions options;
    int seeds = 1;
    int tileSize = 0;
};

class RunRecordText {
    Q_DECLARE_TR_FUNCTIONS(rdbm::app::RunRecordText)
public:
    // "Made with residual.pt, RDBM, π residual, 10 steps, η 0.5 (noise residual), seed 7,
    // 2026-03-01 12:00 UTC": one line for the info line and the queue's tooltip.
    static QString madeWith(const rdbm::RestoreRecord& record);
    // The line for a photo: madeWith, "the run record could not be read: …", or empty.
    static QString describe(const PhotoRecord& record);
    // The record's time, "2026-03-01 12:00 UTC" (the text as stored when it is no ISO time).
    static QString time(const QString& iso);
};

} // namespace rdbm::app

Q_DECLARE_METATYPE(rdbm::app::PhotoRecord)
