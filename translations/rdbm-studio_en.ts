<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandLine</name>
    <message>
        <source>Restore photos with the Residual Diffusion Bridge Model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a photo (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference (clean) photo for PSNR and SSIM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a model checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute device: auto, cpu, cuda or cuda:N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling steps (NFE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the first photo once the model is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the pi comparison on the first photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View to show: before-after, side-by-side, difference, trajectory, schedule, comparison, or all (one screenshot of each).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trajectory step to select.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a screenshot of the window when done, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the screenshot shows: window or view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size, e.g. 1400x900.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WxH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language: en, de or zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours: system, light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the longest time the interface was unresponsive during the run, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and checkpoints to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[files...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--steps needs a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--step needs a number of at least 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stochasticity η of the sampler, 0 to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --restore: restore N times with consecutive seeds and show their spread (Restore N Seeds).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--eta needs a number from 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seeds needs a number from 2 to 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model for the pi comparison (repeatable, up to four).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison of models, noise modulations or methods (RDBM vs RDDM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>models|noise|methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--compare-mode needs models, noise or methods</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonExporter</name>
    <message>
        <source>PSNR %1 dB, SSIM %2, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean |change| %1, %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>difference maps:
result − input</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DropClassifier</name>
    <message>
        <source>the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither a supported image (PNG, JPEG, TIFF, WebP, BMP) nor a checkpoint (.pt, .pth, .safetensors, TorchScript)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only local files can be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints (*.safetensors *.pt *.pth *.ckpt *.torchscript)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model file problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoration failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the chosen settings or file name and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a PNG, JPEG, TIFF, WebP or BMP photo that other programs can display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a RDBM checkpoint (.safetensors, .pt or .pth from the trainer, or TorchScript). A metadata file named like the checkpoint plus .json can supply missing settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a smaller tile size, fewer steps or the CPU device. The application keeps running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run was stopped at your request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrajectoryExporter</name>
    <message>
        <source>x_t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted x0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted π·ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input (mu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 of %2   t = %3 → %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: trajectory, %n step(s)</source>
        <translation>
            <numerusform>%1: trajectory, %n step</numerusform>
            <numerusform>%1: trajectory, %n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>final x0</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::AboutDialog</name>
    <message>
        <source>none yet (automatic would use %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDBM Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenCV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QCustomPlot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About RDBM Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;RDBM Studio %1&lt;/h2&gt;&lt;p&gt;Restores photos with the Residual Diffusion Bridge Model: a U-Net predicts the clean image and a bridge sampler walks from the degraded photo to it in a few steps, adding noise only where the photo is damaged (π = x₀ − μ).&lt;/p&gt;&lt;p&gt;Drop photos and checkpoints onto the window, restore, then inspect every step, the residual-to-noise ratio and the effect of π.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Licences.&lt;/b&gt; Qt 6: LGPL 3. LibTorch: BSD 3-clause. OpenCV: Apache 2.0. QCustomPlot: GPL 3. The sample photo is scikit-image&apos;s coffee.png (CC0); the bundled models&apos; training photos and their licences are listed in scripts/training-photos/manifest.tsv and in each model&apos;s card (models/*.md).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::InputList</name>
    <message>
        <source>Opening the reference %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::InputQueueView</name>
    <message>
        <source>Opened photos. Drop more onto the window; Restore All works through them in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Reference&lt;/b&gt; (clean photo, for PSNR and SSIM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None. Open one to measure PSNR and SSIM.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::MainWindow</name>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSNR %1 dB → %2 dB, SSIM %3 → %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open one or more photos (PNG, JPEG, TIFF, WebP); several become a queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Reference…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the clean version of the photo to measure PSNR and SSIM (or Shift+drop it onto the window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected photo from the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a checkpoint (.safetensors, .pt, .pth, TorchScript)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Result…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the restored photo in the input&apos;s format and bit depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;All Results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the selected photo (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore A&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore every photo in the queue that has no result yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Split View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side &amp;by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Pixels (1:1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About RDBM Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time RDBM Studio starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before / After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RNR &amp;&amp; Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 loaded (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference %1 opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restoration of %1 cancelled after %n step(s)</source>
        <translation>
            <numerusform>Restoration of %1 cancelled after %n step</numerusform>
            <numerusform>Restoration of %1 cancelled after %n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s)</source>
        <translation>
            <numerusform>Wrote %n file</numerusform>
            <numerusform>Wrote %n files</numerusform>
        </translation>
    </message>
    <message>
        <source> to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several checkpoints dropped: loading %1. Drop them on the π Comparison page to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1 for %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model is loaded: drop a checkpoint or use File › Load Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no photo is open: drop one or use File › Open Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy: wait for the running job or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to restore: every photo already has a result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop photos (PNG, JPEG, TIFF, WebP) and a checkpoint (.safetensors, .pt, .pth, TorchScript) onto the window, then press Restore. Shift+drop a clean photo to use it as the reference for PSNR and SSIM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1-bit %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>restored in %1 s, %n network call(s)</source>
        <translation>
            <numerusform>restored in %1 s, %n network call</numerusform>
            <numerusform>restored in %1 s, %n network calls</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 tiles of %2 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reference&apos;s size differs from the photo: no PSNR/SSIM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reference photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the predicted x₀ of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDBM Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Reference Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Model for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same format as the input (*.%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Restored Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All Results to Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saving %n result(s)…</source>
        <translation>
            <numerusform>Saving %n result…</numerusform>
            <numerusform>Saving %n results…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Frames to Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Contact Sheet to Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only local files can be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the photo could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop photos and a checkpoint here, or click to open photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the restoration (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom of the view (Ctrl+0 fits, Ctrl+1 shows actual pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 loaded for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step 1 of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>estimating time left…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 of %2, tile %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the π comparison…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a TorchScript Model?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a TorchScript file. TorchScript files contain program code that runs when the file is loaded, with all the rights of your user account: it can read, change or delete your files.

Load it only if you trust where it came from. It is tried in a separate process first, so a damaged file cannot crash RDBM Studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust and Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not loaded: TorchScript files run code, and this one was not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last model, %1, is a TorchScript file, which runs code when loaded, so it is not reloaded automatically: load it again to trust it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n problem:</numerusform>
            <numerusform>%n problems:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is the input photo. Choose another name so that the original is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving results… %1 written</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n result(s) to %1</source>
        <translation>
            <numerusform>Saved %n result to %1</numerusform>
            <numerusform>Saved %n results to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>In a view: wheel zooms at the cursor, dragging pans, double-click fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Release to open %n file(s)</source>
        <translation>
            <numerusform>Release to open %n file</numerusform>
            <numerusform>Release to open %n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit RDBM Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop restoring and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running restoration is lost; results already finished are kept until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outline the tiles the last restoration of this photo ran in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This photo ran as one whole-image call: there are no tiles to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Again with &amp;These Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the model, steps, η, noise, seed and tile size this photo was made with, to restore its original the same way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 and the settings of the photo&apos;s record are set: open the original photo and press Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Again with These Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record&apos;s noise modulation &apos;%1&apos; is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 steps instead of the record&apos;s %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>η %1 instead of the record&apos;s %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed %1 instead of the record&apos;s %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tile size %1 instead of the record&apos;s %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the photo is the mean of %1 seeds: use Restore N Seeds… with %1 to make it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This photo carries no run record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the settings are set, but the model file that made this photo, %1, is not here. Load it with File › Load Model…; it is then checked against the record&apos;s SHA-256 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1 against the photo&apos;s record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the model that made the photo (its SHA-256 matches the record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is loaded, but it is not the model that made the photo: its SHA-256 is %2, the record&apos;s %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the settings are set, but %1 is not the file that made this photo: its SHA-256 is %2, the record&apos;s %3. It was not loaded; load the right file with File › Load Model….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings of the photo&apos;s record are set and its model %1 is loaded: open the original photo and press Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the settings are set; %1 can be loaded once the running job ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1: the record has no checksum to compare it with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add every photo in a folder to the queue (see Include Subfolders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include &amp;Subfolders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Folder… takes the photos of its subfolders too</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n photo(s) from %1</source>
        <translation>
            <numerusform>Added %n photo from %1</numerusform>
            <numerusform>Added %n photos from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already open</source>
        <translation>
            <numerusform>%n already open</numerusform>
            <numerusform>%n already open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other file(s) skipped</source>
        <translation>
            <numerusform>%n other file skipped</numerusform>
            <numerusform>%n other files skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for photos in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected photo up: Restore All works through the list in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected photo down: Restore All works through the list in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the running photo finish and start no other; press again to resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Queue paused: %n photo(s) waiting. Resume Queue (Ctrl+P) continues.</source>
        <translation>
            <numerusform>Queue paused: %n photo waiting. Resume Queue (Ctrl+P) continues.</numerusform>
            <numerusform>Queue paused: %n photos waiting. Resume Queue (Ctrl+P) continues.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing: the running photo finishes, then the queue waits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resu&amp;me Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved result %1 of %2 could not be opened: restore the photo again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reopened the queue: %n photo(s)</source>
        <translation>
            <numerusform>Reopened the queue: %n photo</numerusform>
            <numerusform>Reopened the queue: %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer there</source>
        <translation>
            <numerusform>%n no longer there</numerusform>
            <numerusform>%n no longer there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resume Queue (Ctrl+P) restores the %n waiting</source>
        <translation>
            <numerusform>Resume Queue (Ctrl+P) restores the %n waiting</numerusform>
            <numerusform>Resume Queue (Ctrl+P) restores the %n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading %1 for the comparison…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::ModelPanel</name>
    <message>
        <source>No model loaded.
Drop a checkpoint (.safetensors, .pt, .pth, TorchScript) onto the window or use File › Load Model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π = x₀ − μ (residual, RDBM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π = 1 (bridge, e.g. GOUB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π = 0 (flow matching, no noise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicts x₀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicts π·ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicts ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 M (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 k (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U-Net, dim %1, levels ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group norm groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 heads × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input multiple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 px (%2 padding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, T = %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from the checkpoint&apos;s buffers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The degradations this model learned to remove. Photos with other damage are outside its training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>haze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from a file beside the checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defaults (none recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defaults and load options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDDM (residual denoising diffusion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDBM (residual diffusion bridge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one encoder, two decoders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two U-Nets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one U-Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UnetRes (%1), dim %2, levels ×%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>residual weight decreasing, noise variance increasing, sum_scale %1, T = %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every tile is told the whole photo&apos;s tone (%1 numbers)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::ModelPicker</name>
    <message>
        <source>The model used for restoring: a bundled model, a recent checkpoint or another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a checkpoint file (.safetensors, .pt, .pth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained for: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::PiComparisonPanel</name>
    <message>
        <source>π = x₀ − μ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π = 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π = 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Comparison…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the checkpoint for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loaded model with fresh noise scaled per pixel by x₀ − μ, 1 or 0, same seed. η:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result − input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean |change|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restoring with %n setting(s)…</source>
        <translation>
            <numerusform>Restoring with %n setting…</numerusform>
            <numerusform>Restoring with %n settings…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: step %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(x₀ − μ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noise × %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference (PSNR, SSIM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a reference photo to measure PSNR and SSIM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load at least one model for the comparison.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a photo and wait for the running job to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Comparison to Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the comparison to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the loaded model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Spread over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore every setting several times with consecutive seeds (η &gt; 0) and show the per-pixel standard deviation of the runs: where each is unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every seed would give the same images: set η above 0 in the Restoration panel for the spread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>std: mean %1, max %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gamma to mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLAHE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dark channel prior</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lassical:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a classical correction as one more column, to see what the diffusion model adds. It follows what the model was trained for until you choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classical tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (classical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDDM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDBM, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three models (π = x₀ − μ, 1, 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One model, three noise modulations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDBM vs RDDM (methods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDBM&apos;s three models (π = x₀ − μ, 1, 0) beside an RDDM model on the same photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No RDDM model loaded: choose one with Load… beside RDDM, or drop an RDDM checkpoint on this page (models/%1 is used when it is there).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Comparison finished: %n of %1 setting(s) restored.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rdbm::app::RestoreSession</name>
    <message>
        <source>opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>cancelled after %n step(s)</source>
        <translation>
            <numerusform>cancelled after %n step</numerusform>
            <numerusform>cancelled after %n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison setting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait for the running restoration to finish, or cancel it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the input photo; choose another name so the original is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restoring %1 with %n seed(s)</source>
        <translation>
            <numerusform>Restoring %1 with %n seed</numerusform>
            <numerusform>Restoring %1 with %n seeds</numerusform>
        </translation>
    </message>
    <message>
        <source>the number of seeds must be between 2 and %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every seed would give the same image: set η above 0 (and a noise scale other than zero) in the Restoration panel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::RestoreWorker</name>
    <message>
        <source>Nothing to restore: load a model and an image first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::RunRecordText</name>
    <message>
        <source>an unnamed model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>η %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (noise %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean of %1 seeds from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiles of %1 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run record could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::SamplerControls</name>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the network runs. Changing it reloads the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling steps = network evaluations (NFE). The paper finds 10 best.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Steps (NFE):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: the reference&apos;s deterministic sampler. Above 0: fresh noise at each step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;η (stochasticity):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-pixel scale of the fresh noise when η &gt; 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Noise modulation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large photos are restored in overlapping tiles of this size (memory vs. speed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tile size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the noise for η &gt; 0 (the same seed gives the same result).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residual (x₀ − μ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uniform (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (0)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::SchedulePlotPanel</name>
    <message>
        <source>Export Plot as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Plot as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a model to see its schedule and residual-to-noise ratio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π = 1: pixels %1–%2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; schedule, T = %2, λ = %3, %4 sampled steps. This model: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π = 1 band from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a photo (or open a reference) to see the per-pixel π = 1 band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Plot as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Plot as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the plot as PNG or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RDDM: ᾱ(t) / β̄(t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ᾱ(t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β̄(t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;RDDM&lt;/b&gt; schedule, T = %1, sum_scale = %2, %3 sampled steps: the residual&apos;s weight ᾱ(t), the noise&apos;s β̄(t) and their ratio, the same at every pixel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Plot Data as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ᾱ(t) / β̄(t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R(t) for π = x₀ − μ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Θ(t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Σ(t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (solid), %2 (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beside it (dashed): &lt;b&gt;%1&lt;/b&gt;, T = %2. Time is t / T, so that both methods run from 0 to 1. Θ(t) weighs x₀ − μ in the mean, ᾱ(t) weighs μ − x₀: Θ(t) matches 1 − ᾱ(t).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Plot Data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::TrajectoryInspector</name>
    <message>
        <source>Restore a photo to see its trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted x₀ of the chosen step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted π·ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play through the steps (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;revious Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Frames…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write x_t, predicted x₀ and π·ε of every step as PNG files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Contact Sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one PNG with a row per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common π·ε scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour all steps&apos; π·ε maps on the same scale, so that they compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>μ (input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>μ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x_t after step %1 (t → %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No prediction for μ: choose a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted x₀ at t = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted π·ε at t = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input μ (%1 steps follow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2: t = %3 → %4, %5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the frames or a contact sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result after step %1 (final x₀)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>final x₀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted noise ε at t = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted residual μ − x₀ at t = %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::app::UncertaintyPanel</name>
    <message>
        <source>Run %1 of %2, step %3 of %4…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restoring %n seed(s)…</source>
        <translation>
            <numerusform>Restoring %n seed…</numerusform>
            <numerusform>Restoring %n seeds…</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore N Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the photo this many times, with the seeds %1, %2, …; the result is their mean and the map their spread:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard deviation of %1 restorations (seeds %2 to %3, η %4) in [0, 1] units: max %5, mean %6. Red marks where the runs disagree: where the model is unsure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore N &amp;Seeds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the photo several times with the stochastic sampler (η &gt; 0) and show where the results differ: the per-pixel standard deviation, next to their mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>std</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::CompareView</name>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before and after in one view, divided by a draggable line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before and after next to each other, zoomed together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed: the difference between after and before, amplified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amplification of the difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red: brighter after, blue: darker after, white: unchanged.
Off: the magnitude of the difference in grey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a photo here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>|%1 − %2| × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 − %2) × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sizes differ (%1×%2 and %3×%4): common area only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the gain from the photo: 99% of the changes stay below full colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of the mean of R, G and B, as a fraction of the full range</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::HeatMapView</name>
    <message>
        <source>No map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scale ±%1 (%2th percentile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scale ±%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1, %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scale 0 to %1 (%2th percentile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scale 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::MetricsTable</name>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image quality metrics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::RnrPlot</name>
    <message>
        <source>timestep t (sampling runs from left to right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>residual-to-noise ratio R(t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Θ(t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Σ(t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π = x₀ − μ (RDBM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π = 1: median pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>π = 1: 5–95 % of pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sampled steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normalised time t / T (sampling runs from left to right)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::SplitImageView</name>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before and after split view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::TrajectoryStrip</name>
    <message>
        <source>Trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trajectory yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
