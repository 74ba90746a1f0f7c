#pragma once
// The opened photos (the queue), which one is current, and the optional reference with
// the PSNR/SSIM it gives. Decoding and measuring go to the I/O worker; this list keeps
// the requests and turns the answers into item changes. It knows nothing of models or
// restoration: the session marks items Queued/Restoring/Done and stores their results.
#include <QHash>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "RestoreTypes.h"
#include "RunRecord.h"

namespace rdbm::app {

class ImageWorker;

class InputList : public QObject {
    Q_OBJECT
public:
    enum class ItemStatus { Loading, Ready, Queued, Restoring, Done, Failed, Cancelled };
    Q_ENUM(ItemStatus)

    struct Item {
        QString path;
        ItemStatus status = ItemStatus::Loading;
        LoadedImage input;
        bool hasResult = false;
        RestoreOutcome result;
        QString message;    // last error or note
        PhotoRecord record; // how the opened photo was made, if it says (issue 11 §4)
        QString savedPath;  // the file the result was last saved to (empty: not saved)
    };

    InputList(ImageWorker* worker, QObject* parent = nullptr);

    // Adds photos not already open; returns the indices of the new items.
    QVector<int> add(const QStringList& paths);

    // The photos of a folder (issue 11 §2): every file DropClassifier takes for an image,
    // in its subfolders too when asked, sorted by relative path; other files are counted.
    struct FolderScan {
        QStringList images;
        int skipped = 0;
    };
    static FolderScan scanFolder(const QString& dir, bool includeSubfolders);
    // Walks the folder on the I/O worker's thread (a big tree never blocks the GUI), then
    // adds the photos not already open and announces folderAdded.
    void addFolder(const QString& dir, bool includeSubfolders);
    void remove(int index);
    // Moves an item to another place in the list (the current item stays current).
    void move(int from, int to);
    int count() const { return static_cast<int>(items_.size()); }
    const Item& item(int index) const { return items_.at(index); }
    Item& item(int index) { return items_[index]; }
    int indexOf(const QString& path) const;
    int currentIndex() const { return current_; }
    void setCurrentIndex(int index);
    bool isDecoding() const;
    // Sets an item's status and announces the change.
    void setStatus(int index, ItemStatus status, const QString& message = {});
    void setSavedPath(int index, const QString& path);
    // Reopens a saved result (a queue restored at start): decoded on the I/O worker, it
    // becomes the item's result (Done) with savedPath set; announced by itemChanged, or
    // by resultMissing when it cannot be read (the item stays without a result).
    void loadResult(int index, const QString& path);

    void setReference(const QString& path);
    void clearReference();
    const LoadedImage& reference() const { return reference_; }
    // Measures an item's input and result against the reference on the I/O thread.
    void requestMetrics(int index);

signals:
    void itemsChanged();
    void itemChanged(int index);
    void currentIndexChanged(int index);
    void referenceChanged();
    void metricsChanged(int index);
    void decoded(int index); // the item's photo is ready
    // addFolder's answer: photos added, other files skipped, photos already open.
    void folderAdded(const QString& dir, int added, int skipped, int alreadyOpen);
    void resultMissing(int index, const QString& resultPath);
    void failed(const QString& context, const rdbm::app::ErrorInfo& error);

private slots:
    void onLoaded(int requestId, const rdbm::app::LoadedImage& image);
    void onRecordRead(int requestId, const rdbm::app::PhotoRecord& record);
    void onLoadFailed(int requestId, const QString& path, const rdbm::app::ErrorInfo& error);
    void onMeasured(int requestId, const rdbm::app::Metrics& before, const rdbm::app::Metrics& after);

private:
    ImageWorker* worker_;
    QVector<Item> items_;
    int current_ = -1;
    LoadedImage reference_;
    int referenceRequest_ = -1;
    QHash<int, QString> imageRequests_;                  // request id -> path of an input
    QHash<int, int> metricsRequests_;                    // request id -> item index
    QHash<int, QPair<QString, QString>> resultRequests_; // request id -> (input path, result path)
    int nextId_ = 1;
};

} // namespace rdbm::app
