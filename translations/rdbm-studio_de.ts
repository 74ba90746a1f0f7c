<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CommandLine</name>
    <message>
        <source>Restore photos with the Residual Diffusion Bridge Model.</source>
        <translation>Fotos mit dem Residual Diffusion Bridge Model restaurieren.</translation>
    </message>
    <message>
        <source>Open a photo (repeatable).</source>
        <translation>Ein Foto öffnen (mehrfach möglich).</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Reference (clean) photo for PSNR and SSIM.</source>
        <translation>Referenzfoto (sauber) für PSNR und SSIM.</translation>
    </message>
    <message>
        <source>Load a model checkpoint.</source>
        <translation>Einen Modell-Checkpoint laden.</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Compute device: auto, cpu, cuda or cuda:N.</source>
        <translation>Rechengerät: auto, cpu, cuda oder cuda:N.</translation>
    </message>
    <message>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Sampling steps (NFE).</source>
        <translation>Sampling-Schritte (NFE).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Restore the first photo once the model is loaded.</source>
        <translation>Das erste Foto restaurieren, sobald das Modell geladen ist.</translation>
    </message>
    <message>
        <source>Run the pi comparison on the first photo.</source>
        <translation>Den π-Vergleich mit dem ersten Foto ausführen.</translation>
    </message>
    <message>
        <source>View to show: before-after, side-by-side, difference, trajectory, schedule, comparison, or all (one screenshot of each).</source>
        <translation>Anzuzeigende Ansicht: before-after, side-by-side, difference, trajectory, schedule, comparison oder all (je ein Bildschirmfoto).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Trajectory step to select.</source>
        <translation>Auszuwählender Schritt der Trajektorie.</translation>
    </message>
    <message>
        <source>Save a screenshot of the window when done, then quit.</source>
        <translation>Nach Abschluss ein Bildschirmfoto des Fensters speichern und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>What the screenshot shows: window or view.</source>
        <translation>Inhalt des Bildschirmfotos: window (Fenster) oder view (Ansicht).</translation>
    </message>
    <message>
        <source>what</source>
        <translation>was</translation>
    </message>
    <message>
        <source>Window size, e.g. 1400x900.</source>
        <translation>Fenstergröße, z. B. 1400x900.</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>BxH</translation>
    </message>
    <message>
        <source>Interface language: en, de or zh_CN.</source>
        <translation>Sprache der Oberfläche: en, de oder zh_CN.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Colours: system, light or dark.</source>
        <translation>Farben: system, light (hell) oder dark (dunkel).</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Print the longest time the interface was unresponsive during the run, then quit.</source>
        <translation>Die längste Zeit ausgeben, in der die Oberfläche während des Laufs nicht reagierte, dann beenden.</translation>
    </message>
    <message>
        <source>Photos and checkpoints to open.</source>
        <translation>Zu öffnende Fotos und Checkpoints.</translation>
    </message>
    <message>
        <source>[files...]</source>
        <translation>[Dateien...]</translation>
    </message>
    <message>
        <source>--steps needs a positive number</source>
        <translation>--steps erwartet eine positive Zahl</translation>
    </message>
    <message>
        <source>--step needs a number of at least 0</source>
        <translation>--step erwartet eine Zahl ab 0</translation>
    </message>
    <message>
        <source>Stochasticity η of the sampler, 0 to 1.</source>
        <translation>Stochastik η des Samplers, 0 bis 1.</translation>
    </message>
    <message>
        <source>eta</source>
        <translation>eta</translation>
    </message>
    <message>
        <source>With --restore: restore N times with consecutive seeds and show their spread (Restore N Seeds).</source>
        <translation>Mit --restore: N-mal mit aufeinanderfolgenden Seeds restaurieren und ihre Streuung zeigen (N Seeds restaurieren).</translation>
    </message>
    <message>
        <source>--eta needs a number from 0 to 1</source>
        <translation>--eta braucht eine Zahl von 0 bis 1</translation>
    </message>
    <message>
        <source>--seeds needs a number from 2 to 64</source>
        <translation>--seeds braucht eine Zahl von 2 bis 64</translation>
    </message>
    <message>
        <source>Model for the pi comparison (repeatable, up to four).</source>
        <translation>Modell für den π-Vergleich (mehrfach möglich, bis zu vier).</translation>
    </message>
    <message>
        <source>Comparison of models, noise modulations or methods (RDBM vs RDDM).</source>
        <translation>Vergleich von Modellen, Rauschmodulationen oder Methoden (RDBM gegen RDDM).</translation>
    </message>
    <message>
        <source>models|noise|methods</source>
        <translation>models|noise|methods</translation>
    </message>
    <message>
        <source>--compare-mode needs models, noise or methods</source>
        <translation>--compare-mode braucht models, noise oder methods</translation>
    </message>
</context>
<context>
    <name>ComparisonExporter</name>
    <message>
        <source>PSNR %1 dB, SSIM %2, </source>
        <translation>PSNR %1 dB, SSIM %2, </translation>
    </message>
    <message>
        <source>mean |change| %1, %2 s</source>
        <translation>mittlere |Änderung| %1, %2 s</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>difference maps:
result − input</source>
        <translation>Differenzkarten:
Ergebnis − Eingabe</translation>
    </message>
</context>
<context>
    <name>DropClassifier</name>
    <message>
        <source>the file does not exist</source>
        <translation>die Datei existiert nicht</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>die Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>neither a supported image (PNG, JPEG, TIFF, WebP, BMP) nor a checkpoint (.pt, .pth, .safetensors, TorchScript)</source>
        <translation>weder ein unterstütztes Bild (PNG, JPEG, TIFF, WebP, BMP) noch ein Checkpoint (.pt, .pth, .safetensors, TorchScript)</translation>
    </message>
    <message>
        <source>only local files can be opened</source>
        <translation>nur lokale Dateien können geöffnet werden</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Checkpoints (*.safetensors *.pt *.pth *.ckpt *.torchscript)</source>
        <translation>Checkpoints (*.safetensors *.pt *.pth *.ckpt *.torchscript)</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Cannot do that</source>
        <translation>Nicht möglich</translation>
    </message>
    <message>
        <source>Image problem</source>
        <translation>Problem mit dem Bild</translation>
    </message>
    <message>
        <source>Model file problem</source>
        <translation>Problem mit der Modelldatei</translation>
    </message>
    <message>
        <source>Restoration failed</source>
        <translation>Restaurierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Check the chosen settings or file name and try again.</source>
        <translation>Prüfen Sie die gewählten Einstellungen oder den Dateinamen und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Open a PNG, JPEG, TIFF, WebP or BMP photo that other programs can display.</source>
        <translation>Öffnen Sie ein PNG-, JPEG-, TIFF-, WebP- oder BMP-Foto, das andere Programme anzeigen können.</translation>
    </message>
    <message>
        <source>Load a RDBM checkpoint (.safetensors, .pt or .pth from the trainer, or TorchScript). A metadata file named like the checkpoint plus .json can supply missing settings.</source>
        <translation>Laden Sie einen RDBM-Checkpoint (.safetensors, .pt oder .pth aus dem Training oder TorchScript). Eine Metadatendatei mit dem Namen des Checkpoints plus .json kann fehlende Einstellungen ergänzen.</translation>
    </message>
    <message>
        <source>Try a smaller tile size, fewer steps or the CPU device. The application keeps running.</source>
        <translation>Versuchen Sie eine kleinere Kachelgröße, weniger Schritte oder die CPU. Die Anwendung läuft weiter.</translation>
    </message>
    <message>
        <source>The run was stopped at your request.</source>
        <translation>Der Lauf wurde auf Ihren Wunsch angehalten.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>TrajectoryExporter</name>
    <message>
        <source>x_t</source>
        <translation>x_t</translation>
    </message>
    <message>
        <source>predicted x0</source>
        <translation>vorhergesagtes x0</translation>
    </message>
    <message>
        <source>predicted π·ε</source>
        <translation>vorhergesagtes π·ε</translation>
    </message>
    <message>
        <source>input (mu)</source>
        <translation>Eingabe (μ)</translation>
    </message>
    <message>
        <source>step %1 of %2   t = %3 → %4</source>
        <translation>Schritt %1 von %2   t = %3 → %4</translation>
    </message>
    <message numerus="yes">
        <source>%1: trajectory, %n step(s)</source>
        <translation>
            <numerusform>%1: Verlauf, %n Schritt</numerusform>
            <numerusform>%1: Verlauf, %n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>final x0</source>
        <translation>Endergebnis x0</translation>
    </message>
</context>
<context>
    <name>rdbm::app::AboutDialog</name>
    <message>
        <source>none yet (automatic would use %1)</source>
        <translation>noch keines (automatisch würde %1 verwenden)</translation>
    </message>
    <message>
        <source>RDBM Studio</source>
        <translation>RDBM Studio</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>LibTorch</source>
        <translation>LibTorch</translation>
    </message>
    <message>
        <source>OpenCV</source>
        <translation>OpenCV</translation>
    </message>
    <message>
        <source>QCustomPlot</source>
        <translation>QCustomPlot</translation>
    </message>
    <message>
        <source>CUDA devices</source>
        <translation>CUDA-Geräte</translation>
    </message>
    <message>
        <source>Device in use</source>
        <translation>Verwendetes Gerät</translation>
    </message>
    <message>
        <source>About RDBM Studio</source>
        <translation>Über RDBM Studio</translation>
    </message>
    <message>
        <source>&lt;h2&gt;RDBM Studio %1&lt;/h2&gt;&lt;p&gt;Restores photos with the Residual Diffusion Bridge Model: a U-Net predicts the clean image and a bridge sampler walks from the degraded photo to it in a few steps, adding noise only where the photo is damaged (π = x₀ − μ).&lt;/p&gt;&lt;p&gt;Drop photos and checkpoints onto the window, restore, then inspect every step, the residual-to-noise ratio and the effect of π.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;RDBM Studio %1&lt;/h2&gt;&lt;p&gt;Restauriert Fotos mit dem Residual Diffusion Bridge Model: Ein U-Net sagt das saubere Bild vorher, und ein Brücken-Sampler geht in wenigen Schritten vom beschädigten Foto dorthin, wobei er nur dort Rauschen hinzufügt, wo das Foto beschädigt ist (π = x₀ − μ).&lt;/p&gt;&lt;p&gt;Ziehen Sie Fotos und Checkpoints auf das Fenster, restaurieren Sie und untersuchen Sie dann jeden Schritt, das Residuum-Rausch-Verhältnis und die Wirkung von π.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>Versionen &amp;kopieren</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Licences.&lt;/b&gt; Qt 6: LGPL 3. LibTorch: BSD 3-clause. OpenCV: Apache 2.0. QCustomPlot: GPL 3. The sample photo is scikit-image&apos;s coffee.png (CC0); the bundled models&apos; training photos and their licences are listed in scripts/training-photos/manifest.tsv and in each model&apos;s card (models/*.md).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Lizenzen.&lt;/b&gt; Qt 6: LGPL 3. LibTorch: BSD (3 Klauseln). OpenCV: Apache 2.0. QCustomPlot: GPL 3. Das Beispielfoto ist coffee.png aus scikit-image (CC0); die Trainingsfotos der mitgelieferten Modelle und ihre Lizenzen stehen in scripts/training-photos/manifest.tsv und in der Karte jedes Modells (models/*.md).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>rdbm::app::InputList</name>
    <message>
        <source>Opening the reference %1</source>
        <translation>Referenz %1 wird geöffnet</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
</context>
<context>
    <name>rdbm::app::InputQueueView</name>
    <message>
        <source>Opened photos. Drop more onto the window; Restore All works through them in order.</source>
        <translation>Geöffnete Fotos. Ziehen Sie weitere auf das Fenster; „Alle restaurieren“ bearbeitet sie der Reihe nach.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reference&lt;/b&gt; (clean photo, for PSNR and SSIM)</source>
        <translation>&lt;b&gt;Referenz&lt;/b&gt; (sauberes Foto, für PSNR und SSIM)</translation>
    </message>
    <message>
        <source>None. Open one to measure PSNR and SSIM.</source>
        <translation>Keine. Öffnen Sie eine, um PSNR und SSIM zu messen.</translation>
    </message>
</context>
<context>
    <name>rdbm::app::MainWindow</name>
    <message>
        <source>Load a TorchScript Model?</source>
        <translation>TorchScript-Modell laden?</translation>
    </message>
    <message>
        <source>%1 is a TorchScript file. TorchScript files contain program code that runs when the file is loaded, with all the rights of your user account: it can read, change or delete your files.

Load it only if you trust where it came from. It is tried in a separate process first, so a damaged file cannot crash RDBM Studio.</source>
        <translation>%1 ist eine TorchScript-Datei. TorchScript-Dateien enthalten Programmcode, der beim Laden ausgeführt wird, mit allen Rechten Ihres Benutzerkontos: Er kann Ihre Dateien lesen, ändern oder löschen.

Laden Sie sie nur, wenn Sie ihrer Herkunft vertrauen. Sie wird zuerst in einem eigenen Prozess geprüft, damit eine beschädigte Datei RDBM Studio nicht zum Absturz bringen kann.</translation>
    </message>
    <message>
        <source>Trust and Load</source>
        <translation>Vertrauen und laden</translation>
    </message>
    <message>
        <source>%1 was not loaded: TorchScript files run code, and this one was not trusted</source>
        <translation>%1 wurde nicht geladen: TorchScript-Dateien führen Code aus, und dieser Datei wurde nicht vertraut</translation>
    </message>
    <message>
        <source>The last model, %1, is a TorchScript file, which runs code when loaded, so it is not reloaded automatically: load it again to trust it</source>
        <translation>Das zuletzt verwendete Modell %1 ist eine TorchScript-Datei, die beim Laden Code ausführt, und wird daher nicht automatisch geladen: Laden Sie es erneut, um ihm zu vertrauen</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>noch etwa %n s</numerusform>
            <numerusform>noch etwa %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>noch etwa %1 min %2 s</translation>
    </message>
    <message>
        <source>PSNR %1 dB → %2 dB, SSIM %3 → %4</source>
        <translation>PSNR %1 dB → %2 dB, SSIM %3 → %4</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>&amp;Trajectory</source>
        <translation>&amp;Trajektorie</translation>
    </message>
    <message>
        <source>Plot written to %1</source>
        <translation>Diagramm gespeichert unter %1</translation>
    </message>
    <message>
        <source>Exporting the plot</source>
        <translation>Export des Diagramms</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>&amp;Open Photos…</source>
        <translation>Fotos ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open one or more photos (PNG, JPEG, TIFF, WebP); several become a queue</source>
        <translation>Ein oder mehrere Fotos öffnen (PNG, JPEG, TIFF, WebP); mehrere bilden eine Warteschlange</translation>
    </message>
    <message>
        <source>Open &amp;Reference…</source>
        <translation>&amp;Referenz öffnen…</translation>
    </message>
    <message>
        <source>Open the clean version of the photo to measure PSNR and SSIM (or Shift+drop it onto the window)</source>
        <translation>Die saubere Fassung des Fotos öffnen, um PSNR und SSIM zu messen (oder mit gedrückter Umschalttaste auf das Fenster ziehen)</translation>
    </message>
    <message>
        <source>Clear Reference</source>
        <translation>Referenz entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected photo from the queue</source>
        <translation>Das ausgewählte Foto aus der Warteschlange entfernen</translation>
    </message>
    <message>
        <source>Load &amp;Model…</source>
        <translation>&amp;Modell laden…</translation>
    </message>
    <message>
        <source>Load a checkpoint (.safetensors, .pt, .pth, TorchScript)</source>
        <translation>Einen Checkpoint laden (.safetensors, .pt, .pth, TorchScript)</translation>
    </message>
    <message>
        <source>&amp;Save Result…</source>
        <translation>Ergebnis &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the restored photo in the input&apos;s format and bit depth</source>
        <translation>Das restaurierte Foto im Format und in der Bittiefe der Eingabe speichern</translation>
    </message>
    <message>
        <source>Save &amp;All Results…</source>
        <translation>&amp;Alle Ergebnisse speichern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurieren</translation>
    </message>
    <message>
        <source>Restore the selected photo (Ctrl+R)</source>
        <translation>Das ausgewählte Foto restaurieren (Strg+R)</translation>
    </message>
    <message>
        <source>Restore A&amp;ll</source>
        <translation>A&amp;lle restaurieren</translation>
    </message>
    <message>
        <source>Restore every photo in the queue that has no result yet</source>
        <translation>Jedes Foto der Warteschlange restaurieren, das noch kein Ergebnis hat</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>&amp;Split View</source>
        <translation>&amp;Geteilte Ansicht</translation>
    </message>
    <message>
        <source>Side &amp;by Side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
    <message>
        <source>&amp;Difference</source>
        <translation>&amp;Differenz</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>&amp;Actual Pixels (1:1)</source>
        <translation>&amp;Originalpixel (1:1)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>&amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;About RDBM Studio</source>
        <translation>&amp;Über RDBM Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>The language changes the next time RDBM Studio starts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von RDBM Studio.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Before / After</source>
        <translation>Vorher / Nachher</translation>
    </message>
    <message>
        <source>Trajectory</source>
        <translation>Trajektorie</translation>
    </message>
    <message>
        <source>RNR &amp;&amp; Schedule</source>
        <translation>RNR &amp;&amp; Zeitplan</translation>
    </message>
    <message>
        <source>π Comparison</source>
        <translation>π-Vergleich</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Farben</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Restoration</source>
        <translation>Restaurierung</translation>
    </message>
    <message>
        <source>Model %1 loaded (%2, %3)</source>
        <translation>Modell %1 geladen (%2, %3)</translation>
    </message>
    <message>
        <source>Reference %1 opened</source>
        <translation>Referenz %1 geöffnet</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>%1 wird restauriert…</translation>
    </message>
    <message>
        <source>Restored %1 in %2 s</source>
        <translation>%1 in %2 s restauriert</translation>
    </message>
    <message numerus="yes">
        <source>Restoration of %1 cancelled after %n step(s)</source>
        <translation>
            <numerusform>Restaurierung von %1 nach %n Schritt abgebrochen</numerusform>
            <numerusform>Restaurierung von %1 nach %n Schritten abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s)</source>
        <translation>
            <numerusform>%n Datei geschrieben</numerusform>
            <numerusform>%n Dateien geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source> to %1</source>
        <translation> nach %1</translation>
    </message>
    <message>
        <source>Opening files</source>
        <translation>Öffnen von Dateien</translation>
    </message>
    <message>
        <source>Several checkpoints dropped: loading %1. Drop them on the π Comparison page to compare them.</source>
        <translation>Mehrere Checkpoints abgelegt: %1 wird geladen. Ziehen Sie sie auf die Seite „π-Vergleich“, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>Modell %1 wird geladen…</translation>
    </message>
    <message>
        <source>Loading %1 for %2…</source>
        <translation>%1 wird für %2 geladen…</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restaurieren</translation>
    </message>
    <message>
        <source>no model is loaded: drop a checkpoint or use File › Load Model</source>
        <translation>kein Modell geladen: einen Checkpoint ablegen oder Datei › Modell laden verwenden</translation>
    </message>
    <message>
        <source>no photo is open: drop one or use File › Open Photos</source>
        <translation>kein Foto geöffnet: eines ablegen oder Datei › Fotos öffnen verwenden</translation>
    </message>
    <message>
        <source>Busy: wait for the running job or cancel it.</source>
        <translation>Beschäftigt: Warten Sie auf den laufenden Auftrag oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Nothing to restore: every photo already has a result.</source>
        <translation>Nichts zu restaurieren: Jedes Foto hat bereits ein Ergebnis.</translation>
    </message>
    <message>
        <source>Drop photos (PNG, JPEG, TIFF, WebP) and a checkpoint (.safetensors, .pt, .pth, TorchScript) onto the window, then press Restore. Shift+drop a clean photo to use it as the reference for PSNR and SSIM.</source>
        <translation>Ziehen Sie Fotos (PNG, JPEG, TIFF, WebP) und einen Checkpoint (.safetensors, .pt, .pth, TorchScript) auf das Fenster und klicken Sie dann auf „Restaurieren“. Mit gedrückter Umschalttaste abgelegt, dient ein sauberes Foto als Referenz für PSNR und SSIM.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird restauriert…</translation>
    </message>
    <message>
        <source>Not restored yet</source>
        <translation>Noch nicht restauriert</translation>
    </message>
    <message>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <source>, %1-bit %2</source>
        <translation>, %1 Bit, %2</translation>
    </message>
    <message numerus="yes">
        <source>restored in %1 s, %n network call(s)</source>
        <translation>
            <numerusform>in %1 s restauriert, %n Netzaufruf</numerusform>
            <numerusform>in %1 s restauriert, %n Netzaufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 tiles of %2 px</source>
        <translation>, %1 Kacheln zu %2 px</translation>
    </message>
    <message>
        <source>the reference&apos;s size differs from the photo: no PSNR/SSIM</source>
        <translation>die Referenz ist anders groß als das Foto: kein PSNR/SSIM</translation>
    </message>
    <message>
        <source>the reference photo</source>
        <translation>dem Referenzfoto</translation>
    </message>
    <message>
        <source>the predicted x₀ of %1</source>
        <translation>dem vorhergesagten x₀ von %1</translation>
    </message>
    <message>
        <source>RDBM Studio</source>
        <translation>RDBM Studio</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Open Photos</source>
        <translation>Fotos öffnen</translation>
    </message>
    <message>
        <source>Open Reference Photo</source>
        <translation>Referenzfoto öffnen</translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <source>Load Model for %1</source>
        <translation>Modell für %1 laden</translation>
    </message>
    <message>
        <source>Same format as the input (*.%1)</source>
        <translation>Gleiches Format wie die Eingabe (*.%1)</translation>
    </message>
    <message>
        <source>Save Restored Photo</source>
        <translation>Restauriertes Foto speichern</translation>
    </message>
    <message>
        <source>Save All Results to Folder</source>
        <translation>Alle Ergebnisse in Ordner speichern</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n result(s)…</source>
        <translation>
            <numerusform>%n Ergebnis wird gespeichert…</numerusform>
            <numerusform>%n Ergebnisse werden gespeichert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Frames to Folder</source>
        <translation>Einzelbilder in Ordner exportieren</translation>
    </message>
    <message>
        <source>Export Contact Sheet to Folder</source>
        <translation>Kontaktabzug in Ordner exportieren</translation>
    </message>
    <message>
        <source>only local files can be opened: %1</source>
        <translation>nur lokale Dateien können geöffnet werden: %1</translation>
    </message>
    <message>
        <source>the photo could not be opened</source>
        <translation>das Foto konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Drop photos and a checkpoint here, or click to open photos</source>
        <translation>Fotos und einen Checkpoint hierher ziehen oder klicken, um Fotos zu öffnen</translation>
    </message>
    <message>
        <source>Stop the restoration (Esc)</source>
        <translation>Wiederherstellung abbrechen (Esc)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Zoom of the view (Ctrl+0 fits, Ctrl+1 shows actual pixels)</source>
        <translation>Zoom der Ansicht (Strg+0 einpassen, Strg+1 echte Pixel)</translation>
    </message>
    <message>
        <source>Model %1 loaded for %2</source>
        <translation>Modell %1 für %2 geladen</translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation>%1 konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>step 1 of %1</source>
        <translation>Schritt 1 von %1</translation>
    </message>
    <message>
        <source>estimating time left…</source>
        <translation>Restzeit wird geschätzt…</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>finishing</source>
        <translation>wird abgeschlossen</translation>
    </message>
    <message>
        <source>step %1 of %2, tile %3 of %4</source>
        <translation>Schritt %1 von %2, Kachel %3 von %4</translation>
    </message>
    <message>
        <source>Running the π comparison…</source>
        <translation>π-Vergleich läuft…</translation>
    </message>
    <message>
        <source>Comparison cancelled</source>
        <translation>Vergleich abgebrochen</translation>
    </message>
    <message>
        <source>Comparison finished</source>
        <translation>Vergleich fertig</translation>
    </message>
    <message>
        <source>Several problems</source>
        <translation>Mehrere Probleme</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n Problem:</numerusform>
            <numerusform>%n Probleme:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is the input photo. Choose another name so that the original is kept.</source>
        <translation>%1 ist das Eingabefoto. Bitte einen anderen Namen wählen, damit das Original erhalten bleibt.</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Saving results… %1 written</source>
        <translation>Ergebnisse werden gespeichert… %1 geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n result(s) to %1</source>
        <translation>
            <numerusform>%n Ergebnis in %1 gespeichert</numerusform>
            <numerusform>%n Ergebnisse in %1 gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>In a view: wheel zooms at the cursor, dragging pans, double-click fits.</source>
        <translation>In einer Ansicht: Mausrad zoomt am Zeiger, Ziehen verschiebt, Doppelklick passt ein.</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message numerus="yes">
        <source>Release to open %n file(s)</source>
        <translation>
            <numerusform>Loslassen, um %n Datei zu öffnen</numerusform>
            <numerusform>Loslassen, um %n Dateien zu öffnen</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit RDBM Studio</source>
        <translation>RDBM Studio beenden</translation>
    </message>
    <message>
        <source>Stop restoring and quit?</source>
        <translation>Wiederherstellung abbrechen und beenden?</translation>
    </message>
    <message>
        <source>The running restoration is lost; results already finished are kept until you quit.</source>
        <translation>Die laufende Wiederherstellung geht verloren; fertige Ergebnisse bleiben bis zum Beenden erhalten.</translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>Abbrechen und beenden</translation>
    </message>
    <message>
        <source>Show &amp;Tiles</source>
        <translation>&amp;Kacheln zeigen</translation>
    </message>
    <message>
        <source>Outline the tiles the last restoration of this photo ran in</source>
        <translation>Die Kacheln umranden, in denen die letzte Restaurierung dieses Fotos lief</translation>
    </message>
    <message>
        <source>This photo ran as one whole-image call: there are no tiles to show</source>
        <translation>Dieses Foto lief als ein einziger Aufruf für das ganze Bild: Es gibt keine Kacheln zu zeigen</translation>
    </message>
    <message>
        <source>Restore Again with &amp;These Settings</source>
        <translation>Erneut mit &amp;diesen Einstellungen restaurieren</translation>
    </message>
    <message>
        <source>Set the model, steps, η, noise, seed and tile size this photo was made with, to restore its original the same way</source>
        <translation>Modell, Schritte, η, Rauschen, Startwert und Kachelgröße einstellen, mit denen dieses Foto entstand, um sein Original genauso zu restaurieren</translation>
    </message>
    <message>
        <source>Model %1 and the settings of the photo&apos;s record are set: open the original photo and press Restore</source>
        <translation>Modell %1 und die Einstellungen aus dem Protokoll des Fotos sind gesetzt: das Originalfoto öffnen und Restaurieren drücken</translation>
    </message>
    <message>
        <source>Restore Again with These Settings</source>
        <translation>Erneut mit diesen Einstellungen restaurieren</translation>
    </message>
    <message>
        <source>the record&apos;s noise modulation &apos;%1&apos; is unknown</source>
        <translation>die Rauschmodulation „%1“ des Protokolls ist unbekannt</translation>
    </message>
    <message>
        <source>%1 steps instead of the record&apos;s %2</source>
        <translation>%1 Schritte statt der %2 des Protokolls</translation>
    </message>
    <message>
        <source>η %1 instead of the record&apos;s %2</source>
        <translation>η %1 statt %2 laut Protokoll</translation>
    </message>
    <message>
        <source>seed %1 instead of the record&apos;s %2</source>
        <translation>Startwert %1 statt %2 laut Protokoll</translation>
    </message>
    <message>
        <source>tile size %1 instead of the record&apos;s %2</source>
        <translation>Kachelgröße %1 statt %2 laut Protokoll</translation>
    </message>
    <message>
        <source>the photo is the mean of %1 seeds: use Restore N Seeds… with %1 to make it again</source>
        <translation>das Foto ist der Mittelwert von %1 Seeds: mit „N Seeds restaurieren…“ und %1 lässt es sich erneut erzeugen</translation>
    </message>
    <message>
        <source>This photo carries no run record</source>
        <translation>Dieses Foto enthält kein Ablaufprotokoll</translation>
    </message>
    <message>
        <source>the settings are set, but the model file that made this photo, %1, is not here. Load it with File › Load Model…; it is then checked against the record&apos;s SHA-256 (%2).</source>
        <translation>die Einstellungen sind gesetzt, aber die Modelldatei, mit der dieses Foto entstand, %1, ist nicht vorhanden. Laden Sie sie mit Datei › Modell laden…; sie wird dann mit der SHA-256 des Protokolls (%2) verglichen.</translation>
    </message>
    <message>
        <source>Checking %1 against the photo&apos;s record…</source>
        <translation>%1 wird mit dem Protokoll des Fotos verglichen…</translation>
    </message>
    <message>
        <source>%1 is the model that made the photo (its SHA-256 matches the record)</source>
        <translation>%1 ist das Modell, mit dem das Foto entstand (seine SHA-256 stimmt mit dem Protokoll überein)</translation>
    </message>
    <message>
        <source>%1 is loaded, but it is not the model that made the photo: its SHA-256 is %2, the record&apos;s %3</source>
        <translation>%1 ist geladen, aber nicht das Modell, mit dem das Foto entstand: seine SHA-256 ist %2, die des Protokolls %3</translation>
    </message>
    <message>
        <source>the settings are set, but %1 is not the file that made this photo: its SHA-256 is %2, the record&apos;s %3. It was not loaded; load the right file with File › Load Model….</source>
        <translation>die Einstellungen sind gesetzt, aber %1 ist nicht die Datei, mit der dieses Foto entstand: ihre SHA-256 ist %2, die des Protokolls %3. Sie wurde nicht geladen; laden Sie die richtige Datei mit Datei › Modell laden….</translation>
    </message>
    <message>
        <source>The settings of the photo&apos;s record are set and its model %1 is loaded: open the original photo and press Restore</source>
        <translation>Die Einstellungen aus dem Protokoll des Fotos sind gesetzt und sein Modell %1 ist geladen: das Originalfoto öffnen und Restaurieren drücken</translation>
    </message>
    <message>
        <source>the settings are set; %1 can be loaded once the running job ends</source>
        <translation>die Einstellungen sind gesetzt; %1 kann geladen werden, sobald der laufende Auftrag endet</translation>
    </message>
    <message>
        <source>Loading %1: the record has no checksum to compare it with</source>
        <translation>%1 wird geladen: das Protokoll enthält keine Prüfsumme zum Vergleich</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add every photo in a folder to the queue (see Include Subfolders)</source>
        <translation>Alle Fotos eines Ordners in die Warteschlange aufnehmen (siehe Unterordner einbeziehen)</translation>
    </message>
    <message>
        <source>Include &amp;Subfolders</source>
        <translation>&amp;Unterordner einbeziehen</translation>
    </message>
    <message>
        <source>Add Folder… takes the photos of its subfolders too</source>
        <translation>Ordner hinzufügen… nimmt auch die Fotos der Unterordner</translation>
    </message>
    <message numerus="yes">
        <source>Added %n photo(s) from %1</source>
        <translation>
            <numerusform>%n Foto aus %1 hinzugefügt</numerusform>
            <numerusform>%n Fotos aus %1 hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already open</source>
        <translation>
            <numerusform>%n bereits geöffnet</numerusform>
            <numerusform>%n bereits geöffnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other file(s) skipped</source>
        <translation>
            <numerusform>%n andere Datei übersprungen</numerusform>
            <numerusform>%n andere Dateien übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Looking for photos in %1…</source>
        <translation>Suche Fotos in %1…</translation>
    </message>
    <message>
        <source>photo %1 of %2</source>
        <translation>Foto %1 von %2</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move the selected photo up: Restore All works through the list in order</source>
        <translation>Das gewählte Foto nach oben schieben: Alle restaurieren arbeitet die Liste der Reihe nach ab</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Move the selected photo down: Restore All works through the list in order</source>
        <translation>Das gewählte Foto nach unten schieben: Alle restaurieren arbeitet die Liste der Reihe nach ab</translation>
    </message>
    <message>
        <source>&amp;Pause Queue</source>
        <translation>Warteschlange &amp;anhalten</translation>
    </message>
    <message>
        <source>Let the running photo finish and start no other; press again to resume</source>
        <translation>Das laufende Foto fertigstellen und kein weiteres beginnen; erneut drücken zum Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>Queue paused: %n photo(s) waiting. Resume Queue (Ctrl+P) continues.</source>
        <translation>
            <numerusform>Warteschlange angehalten: %n Foto wartet. Warteschlange fortsetzen (Strg+P) macht weiter.</numerusform>
            <numerusform>Warteschlange angehalten: %n Fotos warten. Warteschlange fortsetzen (Strg+P) macht weiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to resume.</source>
        <translation>Nichts fortzusetzen.</translation>
    </message>
    <message>
        <source>Pausing: the running photo finishes, then the queue waits.</source>
        <translation>Wird angehalten: Das laufende Foto wird fertig, dann wartet die Warteschlange.</translation>
    </message>
    <message>
        <source>Resu&amp;me Queue</source>
        <translation>Warteschlange &amp;fortsetzen</translation>
    </message>
    <message>
        <source>The saved result %1 of %2 could not be opened: restore the photo again</source>
        <translation>Das gespeicherte Ergebnis %1 von %2 ließ sich nicht öffnen: Foto erneut restaurieren</translation>
    </message>
    <message numerus="yes">
        <source>Reopened the queue: %n photo(s)</source>
        <translation>
            <numerusform>Warteschlange wieder geöffnet: %n Foto</numerusform>
            <numerusform>Warteschlange wieder geöffnet: %n Fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer there</source>
        <translation>
            <numerusform>%n nicht mehr vorhanden</numerusform>
            <numerusform>%n nicht mehr vorhanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resume Queue (Ctrl+P) restores the %n waiting</source>
        <translation>
            <numerusform>Warteschlange fortsetzen (Strg+P) restauriert das %n wartende</numerusform>
            <numerusform>Warteschlange fortsetzen (Strg+P) restauriert die %n wartenden</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading %1 for the comparison…</source>
        <translation>%1 wird für den Vergleich geladen…</translation>
    </message>
</context>
<context>
    <name>rdbm::app::ModelPanel</name>
    <message>
        <source>No model loaded.
Drop a checkpoint (.safetensors, .pt, .pth, TorchScript) onto the window or use File › Load Model.</source>
        <translation>Kein Modell geladen.
Ziehen Sie einen Checkpoint (.safetensors, .pt, .pth, TorchScript) auf das Fenster oder verwenden Sie Datei › Modell laden.</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>π = x₀ − μ (residual, RDBM)</source>
        <translation>π = x₀ − μ (Residuum, RDBM)</translation>
    </message>
    <message>
        <source>π = 1 (bridge, e.g. GOUB)</source>
        <translation>π = 1 (Brücke, z. B. GOUB)</translation>
    </message>
    <message>
        <source>π = 0 (flow matching, no noise)</source>
        <translation>π = 0 (Flow Matching, ohne Rauschen)</translation>
    </message>
    <message>
        <source>predicts x₀</source>
        <translation>sagt x₀ vorher</translation>
    </message>
    <message>
        <source>predicts π·ε</source>
        <translation>sagt π·ε vorher</translation>
    </message>
    <message>
        <source>predicts ε</source>
        <translation>sagt ε vorher</translation>
    </message>
    <message>
        <source>%1 M (%2)</source>
        <translation>%1 Mio. (%2)</translation>
    </message>
    <message>
        <source>%1 k (%2)</source>
        <translation>%1 Tsd. (%2)</translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>U-Net, dim %1, levels ×%2</source>
        <translation>U-Net, dim %1, Ebenen ×%2</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>%1 ein, %2 aus</translation>
    </message>
    <message>
        <source>Group norm groups</source>
        <translation>GroupNorm-Gruppen</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>%1 heads × %2</source>
        <translation>%1 Köpfe × %2</translation>
    </message>
    <message>
        <source>Input multiple</source>
        <translation>Eingabe-Vielfaches</translation>
    </message>
    <message>
        <source>%1 px (%2 padding)</source>
        <translation>%1 px (Auffüllung: %2)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielgröße</translation>
    </message>
    <message>
        <source>π mode</source>
        <translation>π-Modus</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>%1, T = %2%3</source>
        <translation>%1, T = %2%3</translation>
    </message>
    <message>
        <source> (from the checkpoint&apos;s buffers)</source>
        <translation> (aus den Puffern des Checkpoints)</translation>
    </message>
    <message>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>Trained for</source>
        <translation>Trainiert für</translation>
    </message>
    <message>
        <source>The degradations this model learned to remove. Photos with other damage are outside its training.</source>
        <translation>Die Störungen, die dieses Modell zu entfernen gelernt hat. Fotos mit anderen Schäden liegen außerhalb seines Trainings.</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>Modell &amp;laden…</translation>
    </message>
    <message>
        <source>low light</source>
        <translation>wenig Licht</translation>
    </message>
    <message>
        <source>haze</source>
        <translation>Dunst</translation>
    </message>
    <message>
        <source>rain</source>
        <translation>Regen</translation>
    </message>
    <message>
        <source>snow</source>
        <translation>Schnee</translation>
    </message>
    <message>
        <source>blur</source>
        <translation>Unschärfe</translation>
    </message>
    <message>
        <source>in the checkpoint</source>
        <translation>im Checkpoint</translation>
    </message>
    <message>
        <source>from a file beside the checkpoint</source>
        <translation>aus einer Datei neben dem Checkpoint</translation>
    </message>
    <message>
        <source>defaults (none recorded)</source>
        <translation>Standardwerte (nichts hinterlegt)</translation>
    </message>
    <message>
        <source>defaults and load options</source>
        <translation>Standardwerte und Ladeoptionen</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>RDDM (residual denoising diffusion)</source>
        <translation>RDDM (Residuen-Entrauschungsdiffusion)</translation>
    </message>
    <message>
        <source>RDBM (residual diffusion bridge)</source>
        <translation>RDBM (Residuen-Diffusionsbrücke)</translation>
    </message>
    <message>
        <source>one encoder, two decoders</source>
        <translation>ein Encoder, zwei Decoder</translation>
    </message>
    <message>
        <source>two U-Nets</source>
        <translation>zwei U-Nets</translation>
    </message>
    <message>
        <source>one U-Net</source>
        <translation>ein U-Net</translation>
    </message>
    <message>
        <source>UnetRes (%1), dim %2, levels ×%3</source>
        <translation>UnetRes (%1), dim %2, Ebenen ×%3</translation>
    </message>
    <message>
        <source>residual weight decreasing, noise variance increasing, sum_scale %1, T = %2%3</source>
        <translation>Residuengewicht fallend, Rauschvarianz steigend, sum_scale %1, T = %2%3</translation>
    </message>
    <message>
        <source>Photo statistics</source>
        <translation>Fotostatistik</translation>
    </message>
    <message>
        <source>every tile is told the whole photo&apos;s tone (%1 numbers)</source>
        <translation>jede Kachel erfährt die Tonwerte des ganzen Fotos (%1 Zahlen)</translation>
    </message>
</context>
<context>
    <name>rdbm::app::ModelPicker</name>
    <message>
        <source>The model used for restoring: a bundled model, a recent checkpoint or another file</source>
        <translation>Das Modell für die Restaurierung: ein mitgeliefertes Modell, ein zuletzt verwendeter Checkpoint oder eine andere Datei</translation>
    </message>
    <message>
        <source>Bundled models</source>
        <translation>Mitgelieferte Modelle</translation>
    </message>
    <message>
        <source>Recent checkpoints</source>
        <translation>Zuletzt verwendete Checkpoints</translation>
    </message>
    <message>
        <source>Load Model…</source>
        <translation>Modell laden…</translation>
    </message>
    <message>
        <source>Choose a checkpoint file (.safetensors, .pt, .pth)</source>
        <translation>Eine Checkpoint-Datei wählen (.safetensors, .pt, .pth)</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Trained for: %1</source>
        <translation>Trainiert für: %1</translation>
    </message>
</context>
<context>
    <name>rdbm::app::PiComparisonPanel</name>
    <message>
        <source>π = x₀ − μ</source>
        <translation>π = x₀ − μ</translation>
    </message>
    <message>
        <source>π = 1</source>
        <translation>π = 1</translation>
    </message>
    <message>
        <source>π = 0</source>
        <translation>π = 0</translation>
    </message>
    <message>
        <source>&amp;Run Comparison</source>
        <translation>Vergleich &amp;starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Export Comparison…</source>
        <translation>Vergleich &amp;exportieren…</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Choose the checkpoint for %1</source>
        <translation>Den Checkpoint für %1 wählen</translation>
    </message>
    <message>
        <source>The loaded model with fresh noise scaled per pixel by x₀ − μ, 1 or 0, same seed. η:</source>
        <translation>Das geladene Modell mit frischem Rauschen, pro Pixel skaliert mit x₀ − μ, 1 oder 0, gleicher Startwert. η:</translation>
    </message>
    <message>
        <source>Open a photo</source>
        <translation>Ein Foto öffnen</translation>
    </message>
    <message>
        <source>result − input</source>
        <translation>Ergebnis − Eingabe</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation>PSNR (dB)</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>Mean |change|</source>
        <translation>Mittlere |Änderung|</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message numerus="yes">
        <source>Restoring with %n setting(s)…</source>
        <translation>
            <numerusform>Restaurierung mit %n Einstellung…</numerusform>
            <numerusform>Restaurierung mit %n Einstellungen…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: step %2 of %3</source>
        <translation>%1: Schritt %2 von %3</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Vergleich abgebrochen.</translation>
    </message>
    <message>
        <source>(x₀ − μ)</source>
        <translation>(x₀ − μ)</translation>
    </message>
    <message>
        <source>noise × %1</source>
        <translation>Rauschen × %1</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>reference (PSNR, SSIM)</source>
        <translation>Referenz (PSNR, SSIM)</translation>
    </message>
    <message>
        <source>Open a reference photo to measure PSNR and SSIM.</source>
        <translation>Öffnen Sie ein Referenzfoto, um PSNR und SSIM zu messen.</translation>
    </message>
    <message>
        <source>Load at least one model for the comparison.</source>
        <translation>Laden Sie mindestens ein Modell für den Vergleich.</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>Laden Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation>%1: wartet</translation>
    </message>
    <message>
        <source>%1: no model</source>
        <translation>%1: kein Modell</translation>
    </message>
    <message>
        <source>Open a photo and wait for the running job to finish.</source>
        <translation>Öffnen Sie ein Foto und warten Sie, bis der laufende Auftrag fertig ist.</translation>
    </message>
    <message>
        <source>%1 failed:
%2</source>
        <translation>%1 fehlgeschlagen:
%2</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export Comparison to Folder</source>
        <translation>Vergleich in Ordner exportieren</translation>
    </message>
    <message>
        <source>Exporting the comparison to %1…</source>
        <translation>Vergleich wird nach %1 exportiert…</translation>
    </message>
    <message>
        <source>the loaded model</source>
        <translation>das geladene Modell</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <source>&amp;Spread over</source>
        <translation>&amp;Streuung über</translation>
    </message>
    <message>
        <source>Restore every setting several times with consecutive seeds (η &gt; 0) and show the per-pixel standard deviation of the runs: where each is unsure</source>
        <translation>Jede Einstellung mehrmals mit aufeinanderfolgenden Seeds (η &gt; 0) restaurieren und die Standardabweichung der Läufe je Pixel zeigen: wo jede unsicher ist</translation>
    </message>
    <message>
        <source>seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <source>Every seed would give the same images: set η above 0 in the Restoration panel for the spread.</source>
        <translation>Jeder Seed ergäbe dieselben Bilder: für die Streuung η im Feld Restaurierung über 0 setzen.</translation>
    </message>
    <message>
        <source>std: mean %1, max %2</source>
        <translation>Std.-Abw.: Mittel %1, Maximum %2</translation>
    </message>
    <message>
        <source>auto levels</source>
        <translation>Auto-Tonwert</translation>
    </message>
    <message>
        <source>auto contrast</source>
        <translation>Auto-Kontrast</translation>
    </message>
    <message>
        <source>gamma to mean</source>
        <translation>Gamma zum Mittelwert</translation>
    </message>
    <message>
        <source>CLAHE</source>
        <translation>CLAHE</translation>
    </message>
    <message>
        <source>dark channel prior</source>
        <translation>Dark Channel Prior</translation>
    </message>
    <message>
        <source>C&amp;lassical:</source>
        <translation>K&amp;lassisch:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Add a classical correction as one more column, to see what the diffusion model adds. It follows what the model was trained for until you choose one.</source>
        <translation>Eine klassische Korrektur als weitere Spalte hinzufügen, um zu sehen, was das Diffusionsmodell mehr leistet. Sie folgt dem, wofür das Modell trainiert wurde, bis Sie eine wählen.</translation>
    </message>
    <message>
        <source>classical tool</source>
        <translation>klassisches Werkzeug</translation>
    </message>
    <message>
        <source>%1 (classical)</source>
        <translation>%1 (klassisch)</translation>
    </message>
    <message>
        <source>RDDM</source>
        <translation>RDDM</translation>
    </message>
    <message>
        <source>RDBM, %1</source>
        <translation>RDBM, %1</translation>
    </message>
    <message>
        <source>Co&amp;mpare:</source>
        <translation>Ver&amp;gleichen:</translation>
    </message>
    <message>
        <source>Three models (π = x₀ − μ, 1, 0)</source>
        <translation>Drei Modelle (π = x₀ − μ, 1, 0)</translation>
    </message>
    <message>
        <source>One model, three noise modulations</source>
        <translation>Ein Modell, drei Rauschmodulationen</translation>
    </message>
    <message>
        <source>RDBM vs RDDM (methods)</source>
        <translation>RDBM gegen RDDM (Methoden)</translation>
    </message>
    <message>
        <source>RDBM&apos;s three models (π = x₀ − μ, 1, 0) beside an RDDM model on the same photo</source>
        <translation>Die drei RDBM-Modelle (π = x₀ − μ, 1, 0) neben einem RDDM-Modell auf demselben Foto</translation>
    </message>
    <message>
        <source>No RDDM model loaded: choose one with Load… beside RDDM, or drop an RDDM checkpoint on this page (models/%1 is used when it is there).</source>
        <translation>Kein RDDM-Modell geladen: Wählen Sie eines mit „Laden…“ neben RDDM, oder ziehen Sie einen RDDM-Checkpoint auf diese Seite (models/%1 wird verwendet, wenn es vorhanden ist).</translation>
    </message>
    <message numerus="yes">
        <source>Comparison finished: %n of %1 setting(s) restored.</source>
        <translation>
            <numerusform>Vergleich fertig: %n von %1 restauriert.</numerusform>
            <numerusform>Vergleich fertig: %n von %1 restauriert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rdbm::app::RestoreSession</name>
    <message>
        <source>opening</source>
        <translation>wird geöffnet</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>restoring</source>
        <translation>wird restauriert</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restauriert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Loading the model %1</source>
        <translation>Laden des Modells %1</translation>
    </message>
    <message numerus="yes">
        <source>cancelled after %n step(s)</source>
        <translation>
            <numerusform>nach %n Schritt abgebrochen</numerusform>
            <numerusform>nach %n Schritten abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring %1</source>
        <translation>Restaurieren von %1</translation>
    </message>
    <message>
        <source>Comparison setting %1</source>
        <translation>Vergleichseinstellung %1</translation>
    </message>
    <message>
        <source>wait for the running restoration to finish, or cancel it</source>
        <translation>warten Sie, bis die laufende Restaurierung fertig ist, oder brechen Sie sie ab</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Schreiben von %1</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>Speichern von %1</translation>
    </message>
    <message>
        <source>%1 is the input photo; choose another name so the original is kept</source>
        <translation>%1 ist das Eingabefoto; wählen Sie einen anderen Namen, damit das Original erhalten bleibt</translation>
    </message>
    <message numerus="yes">
        <source>Restoring %1 with %n seed(s)</source>
        <translation>
            <numerusform>%1 mit %n Seed restaurieren</numerusform>
            <numerusform>%1 mit %n Seeds restaurieren</numerusform>
        </translation>
    </message>
    <message>
        <source>the number of seeds must be between 2 and %1</source>
        <translation>die Zahl der Seeds muss zwischen 2 und %1 liegen</translation>
    </message>
    <message>
        <source>every seed would give the same image: set η above 0 (and a noise scale other than zero) in the Restoration panel</source>
        <translation>jeder Seed ergäbe dasselbe Bild: η im Feld Restaurierung über 0 setzen (und eine Rauschskalierung außer null wählen)</translation>
    </message>
</context>
<context>
    <name>rdbm::app::RestoreWorker</name>
    <message>
        <source>Nothing to restore: load a model and an image first.</source>
        <translation>Nichts zu restaurieren: Laden Sie zuerst ein Modell und ein Bild.</translation>
    </message>
</context>
<context>
    <name>rdbm::app::RunRecordText</name>
    <message>
        <source>an unnamed model</source>
        <translation>ein unbenanntes Modell</translation>
    </message>
    <message>
        <source>π %1</source>
        <translation>π %1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>η %1</source>
        <translation>η %1</translation>
    </message>
    <message>
        <source> (noise %1)</source>
        <translation> (Rauschen %1)</translation>
    </message>
    <message>
        <source>mean of %1 seeds from %2</source>
        <translation>Mittelwert von %1 Seeds ab %2</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>Startwert %1</translation>
    </message>
    <message>
        <source>tiles of %1 px</source>
        <translation>Kacheln von %1 px</translation>
    </message>
    <message>
        <source>whole image</source>
        <translation>ganzes Bild</translation>
    </message>
    <message>
        <source>Made with %1</source>
        <translation>Erstellt mit %1</translation>
    </message>
    <message>
        <source>the run record could not be read: %1</source>
        <translation>das Ablaufprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>rdbm::app::SamplerControls</name>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Where the network runs. Changing it reloads the model.</source>
        <translation>Wo das Netz läuft. Eine Änderung lädt das Modell neu.</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>Sampling steps = network evaluations (NFE). The paper finds 10 best.</source>
        <translation>Sampling-Schritte = Netzauswertungen (NFE). Laut Paper ist 10 am besten.</translation>
    </message>
    <message>
        <source>&amp;Steps (NFE):</source>
        <translation>&amp;Schritte (NFE):</translation>
    </message>
    <message>
        <source>0: the reference&apos;s deterministic sampler. Above 0: fresh noise at each step.</source>
        <translation>0: der deterministische Sampler der Referenz. Über 0: frisches Rauschen in jedem Schritt.</translation>
    </message>
    <message>
        <source>&amp;η (stochasticity):</source>
        <translation>&amp;η (Zufälligkeit):</translation>
    </message>
    <message>
        <source>Per-pixel scale of the fresh noise when η &gt; 0.</source>
        <translation>Skalierung des frischen Rauschens pro Pixel bei η &gt; 0.</translation>
    </message>
    <message>
        <source>&amp;Noise modulation:</source>
        <translation>&amp;Rauschmodulation:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Large photos are restored in overlapping tiles of this size (memory vs. speed).</source>
        <translation>Große Fotos werden in überlappenden Kacheln dieser Größe restauriert (Speicher gegen Geschwindigkeit).</translation>
    </message>
    <message>
        <source>&amp;Tile size:</source>
        <translation>&amp;Kachelgröße:</translation>
    </message>
    <message>
        <source>Seed of the noise for η &gt; 0 (the same seed gives the same result).</source>
        <translation>Startwert des Rauschens für η &gt; 0 (gleicher Startwert, gleiches Ergebnis).</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Pick a random seed</source>
        <translation>Einen zufälligen Startwert wählen</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>Start&amp;wert:</translation>
    </message>
    <message>
        <source>Residual (x₀ − μ)</source>
        <translation>Residuum (x₀ − μ)</translation>
    </message>
    <message>
        <source>Uniform (1)</source>
        <translation>Gleichmäßig (1)</translation>
    </message>
    <message>
        <source>None (0)</source>
        <translation>Keine (0)</translation>
    </message>
</context>
<context>
    <name>rdbm::app::SchedulePlotPanel</name>
    <message>
        <source>Export Plot as &amp;PNG…</source>
        <translation>Diagramm als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export Plot as P&amp;DF…</source>
        <translation>Diagramm als P&amp;DF exportieren…</translation>
    </message>
    <message>
        <source>Load a model to see its schedule and residual-to-noise ratio.</source>
        <translation>Laden Sie ein Modell, um seinen Zeitplan und sein Residuum-Rausch-Verhältnis zu sehen.</translation>
    </message>
    <message>
        <source>π = 1: pixels %1–%2 %</source>
        <translation>π = 1: Pixel %1–%2 %</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; schedule, T = %2, λ = %3, %4 sampled steps. This model: %5.</source>
        <translation>Zeitplan &lt;b&gt;%1&lt;/b&gt;, T = %2, λ = %3, %4 Sampling-Schritte. Dieses Modell: %5.</translation>
    </message>
    <message>
        <source>π = 1 band from %1.</source>
        <translation>π = 1-Band aus %1.</translation>
    </message>
    <message>
        <source>Restore a photo (or open a reference) to see the per-pixel π = 1 band.</source>
        <translation>Restaurieren Sie ein Foto (oder öffnen Sie eine Referenz), um das pixelweise π = 1-Band zu sehen.</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export Plot as PDF</source>
        <translation>Diagramm als PDF exportieren</translation>
    </message>
    <message>
        <source>Export Plot as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export the plot as PNG or PDF</source>
        <translation>Das Diagramm als PNG oder PDF exportieren</translation>
    </message>
    <message>
        <source>RDDM: ᾱ(t) / β̄(t)</source>
        <translation>RDDM: ᾱ(t) / β̄(t)</translation>
    </message>
    <message>
        <source>ᾱ(t)</source>
        <translation>ᾱ(t)</translation>
    </message>
    <message>
        <source>β̄(t)</source>
        <translation>β̄(t)</translation>
    </message>
    <message>
        <source>&lt;b&gt;RDDM&lt;/b&gt; schedule, T = %1, sum_scale = %2, %3 sampled steps: the residual&apos;s weight ᾱ(t), the noise&apos;s β̄(t) and their ratio, the same at every pixel.</source>
        <translation>&lt;b&gt;RDDM&lt;/b&gt;-Zeitplan, T = %1, sum_scale = %2, %3 abgetastete Schritte: das Gewicht des Residuums ᾱ(t), das des Rauschens β̄(t) und ihr Verhältnis, an jedem Pixel gleich.</translation>
    </message>
    <message>
        <source>Export Plot Data as &amp;CSV…</source>
        <translation>Diagrammdaten als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>ᾱ(t) / β̄(t)</source>
        <translation>ᾱ(t) / β̄(t)</translation>
    </message>
    <message>
        <source>R(t) for π = x₀ − μ</source>
        <translation>R(t) für π = x₀ − μ</translation>
    </message>
    <message>
        <source>Θ(t)</source>
        <translation>Θ(t)</translation>
    </message>
    <message>
        <source>Σ(t)</source>
        <translation>Σ(t)</translation>
    </message>
    <message>
        <source>%1 (solid), %2 (dashed)</source>
        <translation>%1 (durchgezogen), %2 (gestrichelt)</translation>
    </message>
    <message>
        <source>Beside it (dashed): &lt;b&gt;%1&lt;/b&gt;, T = %2. Time is t / T, so that both methods run from 0 to 1. Θ(t) weighs x₀ − μ in the mean, ᾱ(t) weighs μ − x₀: Θ(t) matches 1 − ᾱ(t).</source>
        <translation>Daneben (gestrichelt): &lt;b&gt;%1&lt;/b&gt;, T = %2. Die Zeit ist t / T, damit beide Methoden von 0 bis 1 laufen. Θ(t) gewichtet x₀ − μ im Mittelwert, ᾱ(t) gewichtet μ − x₀: Θ(t) entspricht 1 − ᾱ(t).</translation>
    </message>
    <message>
        <source>Export Plot Data as CSV</source>
        <translation>Diagrammdaten als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>rdbm::app::TrajectoryInspector</name>
    <message>
        <source>Restore a photo to see its trajectory</source>
        <translation>Restaurieren Sie ein Foto, um seine Trajektorie zu sehen</translation>
    </message>
    <message>
        <source>Predicted x₀ of the chosen step</source>
        <translation>Vorhergesagtes x₀ des gewählten Schritts</translation>
    </message>
    <message>
        <source>predicted π·ε</source>
        <translation>vorhergesagtes π·ε</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <source>Play through the steps (Space)</source>
        <translation>Die Schritte abspielen (Leertaste)</translation>
    </message>
    <message>
        <source>&amp;Next Step</source>
        <translation>&amp;Nächster Schritt</translation>
    </message>
    <message>
        <source>P&amp;revious Step</source>
        <translation>&amp;Vorheriger Schritt</translation>
    </message>
    <message>
        <source>Export &amp;Frames…</source>
        <translation>&amp;Einzelbilder exportieren…</translation>
    </message>
    <message>
        <source>Write x_t, predicted x₀ and π·ε of every step as PNG files</source>
        <translation>x_t, vorhergesagtes x₀ und π·ε jedes Schritts als PNG-Dateien schreiben</translation>
    </message>
    <message>
        <source>Export &amp;Contact Sheet…</source>
        <translation>&amp;Kontaktabzug exportieren…</translation>
    </message>
    <message>
        <source>Write one PNG with a row per step</source>
        <translation>Ein PNG mit einer Zeile pro Schritt schreiben</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>%1 Schritte/s</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>Common π·ε scale</source>
        <translation>Gemeinsame π·ε-Skala</translation>
    </message>
    <message>
        <source>Colour all steps&apos; π·ε maps on the same scale, so that they compare</source>
        <translation>Die π·ε-Karten aller Schritte mit derselben Skala einfärben, damit sie vergleichbar sind</translation>
    </message>
    <message>
        <source>μ (input)</source>
        <translation>μ (Eingabe)</translation>
    </message>
    <message>
        <source>result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <source>μ</source>
        <translation>μ</translation>
    </message>
    <message>
        <source>x_t after step %1 (t → %2)</source>
        <translation>x_t nach Schritt %1 (t → %2)</translation>
    </message>
    <message>
        <source>No prediction for μ: choose a step</source>
        <translation>Keine Vorhersage für μ: Wählen Sie einen Schritt</translation>
    </message>
    <message>
        <source>predicted x₀ at t = %1</source>
        <translation>vorhergesagtes x₀ bei t = %1</translation>
    </message>
    <message>
        <source>predicted π·ε at t = %1</source>
        <translation>vorhergesagtes π·ε bei t = %1</translation>
    </message>
    <message>
        <source>Input μ (%1 steps follow)</source>
        <translation>Eingabe μ (%1 Schritte folgen)</translation>
    </message>
    <message>
        <source>Step %1 of %2: t = %3 → %4, %5 s</source>
        <translation>Schritt %1 von %2: t = %3 → %4, %5 s</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export the frames or a contact sheet</source>
        <translation>Die Einzelbilder oder einen Kontaktabzug exportieren</translation>
    </message>
    <message>
        <source>result after step %1 (final x₀)</source>
        <translation>Ergebnis nach Schritt %1 (Endergebnis x₀)</translation>
    </message>
    <message>
        <source>final x₀</source>
        <translation>Endergebnis x₀</translation>
    </message>
    <message>
        <source>predicted noise ε at t = %1</source>
        <translation>vorhergesagtes Rauschen ε bei t = %1</translation>
    </message>
    <message>
        <source>predicted residual μ − x₀ at t = %1</source>
        <translation>vorhergesagtes Residuum μ − x₀ bei t = %1</translation>
    </message>
</context>
<context>
    <name>rdbm::app::UncertaintyPanel</name>
    <message>
        <source>Run %1 of %2, step %3 of %4…</source>
        <translation>Lauf %1 von %2, Schritt %3 von %4…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Wird abgeschlossen…</translation>
    </message>
    <message numerus="yes">
        <source>Restoring %n seed(s)…</source>
        <translation>
            <numerusform>%n Seed wird restauriert…</numerusform>
            <numerusform>%n Seeds werden restauriert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore N Seeds</source>
        <translation>N Seeds restaurieren</translation>
    </message>
    <message>
        <source>Restore the photo this many times, with the seeds %1, %2, …; the result is their mean and the map their spread:</source>
        <translation>So oft restaurieren, mit den Seeds %1, %2, …; das Ergebnis ist ihr Mittelwert, die Karte ihre Streuung:</translation>
    </message>
    <message>
        <source>Standard deviation of %1 restorations (seeds %2 to %3, η %4) in [0, 1] units: max %5, mean %6. Red marks where the runs disagree: where the model is unsure.</source>
        <translation>Standardabweichung von %1 Restaurierungen (Seeds %2 bis %3, η %4) in Einheiten von [0, 1]: Maximum %5, Mittel %6. Rot zeigt, wo die Läufe voneinander abweichen: wo das Modell unsicher ist.</translation>
    </message>
    <message>
        <source>Restore N &amp;Seeds…</source>
        <translation>N &amp;Seeds restaurieren…</translation>
    </message>
    <message>
        <source>Restore the photo several times with the stochastic sampler (η &gt; 0) and show where the results differ: the per-pixel standard deviation, next to their mean</source>
        <translation>Das Foto mehrmals mit dem stochastischen Sampler (η &gt; 0) restaurieren und zeigen, wo die Ergebnisse voneinander abweichen: die Standardabweichung je Pixel, neben ihrem Mittelwert</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>Unsicherheit</translation>
    </message>
    <message>
        <source>std</source>
        <translation>Std.-Abw.</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::CompareView</name>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>Before and after in one view, divided by a draggable line</source>
        <translation>Vorher und nachher in einer Ansicht, getrennt durch eine verschiebbare Linie</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Before and after next to each other, zoomed together</source>
        <translation>Vorher und nachher nebeneinander, gemeinsam gezoomt</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>What changed: the difference between after and before, amplified</source>
        <translation>Was sich geändert hat: die verstärkte Differenz zwischen nachher und vorher</translation>
    </message>
    <message>
        <source>Gain:</source>
        <translation>Verstärkung:</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Amplification of the difference</source>
        <translation>Verstärkung der Differenz</translation>
    </message>
    <message>
        <source>Signed colours</source>
        <translation>Vorzeichenfarben</translation>
    </message>
    <message>
        <source>Red: brighter after, blue: darker after, white: unchanged.
Off: the magnitude of the difference in grey.</source>
        <translation>Rot: danach heller, Blau: danach dunkler, Weiß: unverändert.
Aus: Betrag der Differenz in Grau.</translation>
    </message>
    <message>
        <source>Drop a photo here</source>
        <translation>Ein Foto hierher ziehen</translation>
    </message>
    <message>
        <source>|%1 − %2| × %3</source>
        <translation>|%1 − %2| × %3</translation>
    </message>
    <message>
        <source>(%1 − %2) × %3</source>
        <translation>(%1 − %2) × %3</translation>
    </message>
    <message>
        <source>Sizes differ (%1×%2 and %3×%4): common area only</source>
        <translation>Größen verschieden (%1×%2 und %3×%4): nur gemeinsamer Bereich</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Choose the gain from the photo: 99% of the changes stay below full colour</source>
        <translation>Verstärkung aus dem Foto wählen: 99 % der Änderungen bleiben unter voller Farbe</translation>
    </message>
    <message>
        <source>change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Change of the mean of R, G and B, as a fraction of the full range</source>
        <translation>Änderung des Mittels von R, G und B, als Anteil am vollen Wertebereich</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::HeatMapView</name>
    <message>
        <source>No map</source>
        <translation>Keine Karte</translation>
    </message>
    <message>
        <source>scale ±%1 (%2th percentile)</source>
        <translation>Skala ±%1 (%2. Perzentil)</translation>
    </message>
    <message>
        <source>scale ±%1</source>
        <translation>Skala ±%1</translation>
    </message>
    <message>
        <source>(%1, %2): %3</source>
        <translation>(%1, %2): %3</translation>
    </message>
    <message>
        <source>scale 0 to %1 (%2th percentile)</source>
        <translation>Skala 0 bis %1 (%2. Perzentil)</translation>
    </message>
    <message>
        <source>scale 0 to %1</source>
        <translation>Skala 0 bis %1</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::MetricsTable</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation>PSNR (dB)</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>Image quality metrics</source>
        <translation>Bildqualitätsmaße</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::RnrPlot</name>
    <message>
        <source>timestep t (sampling runs from left to right)</source>
        <translation>Zeitschritt t (das Sampling läuft von links nach rechts)</translation>
    </message>
    <message>
        <source>residual-to-noise ratio R(t)</source>
        <translation>Residuum-Rausch-Verhältnis R(t)</translation>
    </message>
    <message>
        <source>Θ(t)</source>
        <translation>Θ(t)</translation>
    </message>
    <message>
        <source>Σ(t)</source>
        <translation>Σ(t)</translation>
    </message>
    <message>
        <source>π = x₀ − μ (RDBM)</source>
        <translation>π = x₀ − μ (RDBM)</translation>
    </message>
    <message>
        <source>π = 1: median pixel</source>
        <translation>π = 1: Median-Pixel</translation>
    </message>
    <message>
        <source>π = 1: 5–95 % of pixels</source>
        <translation>π = 1: 5–95 % der Pixel</translation>
    </message>
    <message>
        <source>sampled steps</source>
        <translation>Sampling-Schritte</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <source>normalised time t / T (sampling runs from left to right)</source>
        <translation>normierte Zeit t / T (das Sampling läuft von links nach rechts)</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::SplitImageView</name>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Before and after split view</source>
        <translation>Geteilte Vorher-Nachher-Ansicht</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::TrajectoryStrip</name>
    <message>
        <source>Trajectory</source>
        <translation>Trajektorie</translation>
    </message>
    <message>
        <source>No trajectory yet</source>
        <translation>Noch keine Trajektorie</translation>
    </message>
</context>
</TS>
