<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandLine</name>
    <message>
        <source>Restore photos with the Residual Diffusion Bridge Model.</source>
        <translation>使用残差扩散桥模型（RDBM）修复照片。</translation>
    </message>
    <message>
        <source>Open a photo (repeatable).</source>
        <translation>打开一张照片（可重复使用）。</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Reference (clean) photo for PSNR and SSIM.</source>
        <translation>用于计算 PSNR 和 SSIM 的参考（干净）照片。</translation>
    </message>
    <message>
        <source>Load a model checkpoint.</source>
        <translation>加载模型检查点。</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Compute device: auto, cpu, cuda or cuda:N.</source>
        <translation>计算设备：auto、cpu、cuda 或 cuda:N。</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Sampling steps (NFE).</source>
        <translation>采样步数（NFE）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Restore the first photo once the model is loaded.</source>
        <translation>模型加载完成后修复第一张照片。</translation>
    </message>
    <message>
        <source>Run the pi comparison on the first photo.</source>
        <translation>对第一张照片运行 π 比较。</translation>
    </message>
    <message>
        <source>View to show: before-after, side-by-side, difference, trajectory, schedule, comparison, or all (one screenshot of each).</source>
        <translation>要显示的视图：before-after、side-by-side、difference、trajectory、schedule、comparison，或 all（每个视图各截一张图）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Trajectory step to select.</source>
        <translation>要选中的轨迹步骤。</translation>
    </message>
    <message>
        <source>Save a screenshot of the window when done, then quit.</source>
        <translation>完成后保存窗口截图，然后退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>What the screenshot shows: window or view.</source>
        <translation>截图内容：window（窗口）或 view（视图）。</translation>
    </message>
    <message>
        <source>what</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Window size, e.g. 1400x900.</source>
        <translation>窗口大小，例如 1400x900。</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>宽x高</translation>
    </message>
    <message>
        <source>Interface language: en, de or zh_CN.</source>
        <translation>界面语言：en、de 或 zh_CN。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Colours: system, light or dark.</source>
        <translation>配色：system（跟随系统）、light（浅色）或 dark（深色）。</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Print the longest time the interface was unresponsive during the run, then quit.</source>
        <translation>输出运行期间界面无响应的最长时间，然后退出。</translation>
    </message>
    <message>
        <source>Photos and checkpoints to open.</source>
        <translation>要打开的照片和检查点。</translation>
    </message>
    <message>
        <source>[files...]</source>
        <translation>[文件...]</translation>
    </message>
    <message>
        <source>--steps needs a positive number</source>
        <translation>--steps 需要一个正数</translation>
    </message>
    <message>
        <source>--step needs a number of at least 0</source>
        <translation>--step 需要一个不小于 0 的数</translation>
    </message>
    <message>
        <source>Stochasticity η of the sampler, 0 to 1.</source>
        <translation>采样器的随机性 η，0 到 1。</translation>
    </message>
    <message>
        <source>eta</source>
        <translation>eta</translation>
    </message>
    <message>
        <source>With --restore: restore N times with consecutive seeds and show their spread (Restore N Seeds).</source>
        <translation>配合 --restore：用连续的种子修复 N 次并显示其离散程度（修复 N 个种子）。</translation>
    </message>
    <message>
        <source>--eta needs a number from 0 to 1</source>
        <translation>--eta 需要 0 到 1 之间的数</translation>
    </message>
    <message>
        <source>--seeds needs a number from 2 to 64</source>
        <translation>--seeds 需要 2 到 64 之间的数</translation>
    </message>
    <message>
        <source>Model for the pi comparison (repeatable, up to four).</source>
        <translation>用于 π 比较的模型（可重复，最多四个）。</translation>
    </message>
    <message>
        <source>Comparison of models, noise modulations or methods (RDBM vs RDDM).</source>
        <translation>比较模型、噪声调制方式或方法（RDBM 对比 RDDM）。</translation>
    </message>
    <message>
        <source>models|noise|methods</source>
        <translation>models|noise|methods</translation>
    </message>
    <message>
        <source>--compare-mode needs models, noise or methods</source>
        <translation>--compare-mode 需要 models、noise 或 methods</translation>
    </message>
</context>
<context>
    <name>ComparisonExporter</name>
    <message>
        <source>PSNR %1 dB, SSIM %2, </source>
        <translation>PSNR %1 dB，SSIM %2，</translation>
    </message>
    <message>
        <source>mean |change| %1, %2 s</source>
        <translation>平均 |变化| %1，%2 秒</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>difference maps:
result − input</source>
        <translation>差异图：
结果 − 输入</translation>
    </message>
</context>
<context>
    <name>DropClassifier</name>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <source>neither a supported image (PNG, JPEG, TIFF, WebP, BMP) nor a checkpoint (.pt, .pth, .safetensors, TorchScript)</source>
        <translation>既不是受支持的图像（PNG、JPEG、TIFF、WebP、BMP），也不是检查点（.pt、.pth、.safetensors、TorchScript）</translation>
    </message>
    <message>
        <source>only local files can be opened</source>
        <translation>只能打开本地文件</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Checkpoints (*.safetensors *.pt *.pth *.ckpt *.torchscript)</source>
        <translation>检查点 (*.safetensors *.pt *.pth *.ckpt *.torchscript)</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Image problem</source>
        <translation>图像问题</translation>
    </message>
    <message>
        <source>Model file problem</source>
        <translation>模型文件问题</translation>
    </message>
    <message>
        <source>Restoration failed</source>
        <translation>修复失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Check the chosen settings or file name and try again.</source>
        <translation>请检查所选设置或文件名，然后重试。</translation>
    </message>
    <message>
        <source>Open a PNG, JPEG, TIFF, WebP or BMP photo that other programs can display.</source>
        <translation>请打开一张其他程序能正常显示的 PNG、JPEG、TIFF、WebP 或 BMP 照片。</translation>
    </message>
    <message>
        <source>Load a RDBM checkpoint (.safetensors, .pt or .pth from the trainer, or TorchScript). A metadata file named like the checkpoint plus .json can supply missing settings.</source>
        <translation>请加载 RDBM 检查点（训练得到的 .safetensors、.pt 或 .pth，或 TorchScript）。与检查点同名并加上 .json 后缀的元数据文件可以补充缺失的设置。</translation>
    </message>
    <message>
        <source>Try a smaller tile size, fewer steps or the CPU device. The application keeps running.</source>
        <translation>请尝试更小的分块大小、更少的步数或改用 CPU。程序会继续运行。</translation>
    </message>
    <message>
        <source>The run was stopped at your request.</source>
        <translation>已按您的要求停止运行。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1失败。</translation>
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
        <translation>预测的 x0</translation>
    </message>
    <message>
        <source>predicted π·ε</source>
        <translation>预测的 π·ε</translation>
    </message>
    <message>
        <source>input (mu)</source>
        <translation>输入（μ）</translation>
    </message>
    <message>
        <source>step %1 of %2   t = %3 → %4</source>
        <translation>第 %1 步，共 %2 步   t = %3 → %4</translation>
    </message>
    <message numerus="yes">
        <source>%1: trajectory, %n step(s)</source>
        <translation>
            <numerusform>%1：轨迹，%n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>final x0</source>
        <translation>最终 x0</translation>
    </message>
</context>
<context>
    <name>rdbm::app::AboutDialog</name>
    <message>
        <source>none yet (automatic would use %1)</source>
        <translation>尚未使用（自动选择将使用 %1）</translation>
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
        <translation>%1（编译时版本 %2）</translation>
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
        <translation>CUDA 设备</translation>
    </message>
    <message>
        <source>Device in use</source>
        <translation>当前设备</translation>
    </message>
    <message>
        <source>About RDBM Studio</source>
        <translation>关于 RDBM Studio</translation>
    </message>
    <message>
        <source>&lt;h2&gt;RDBM Studio %1&lt;/h2&gt;&lt;p&gt;Restores photos with the Residual Diffusion Bridge Model: a U-Net predicts the clean image and a bridge sampler walks from the degraded photo to it in a few steps, adding noise only where the photo is damaged (π = x₀ − μ).&lt;/p&gt;&lt;p&gt;Drop photos and checkpoints onto the window, restore, then inspect every step, the residual-to-noise ratio and the effect of π.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;RDBM Studio %1&lt;/h2&gt;&lt;p&gt;使用残差扩散桥模型修复照片：U-Net 预测干净图像，桥采样器用几步从退化照片走到干净图像，并且只在照片受损的地方加入噪声（π = x₀ − μ）。&lt;/p&gt;&lt;p&gt;把照片和检查点拖到窗口上，进行修复，然后查看每一步、残差噪声比以及 π 的作用。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Licences.&lt;/b&gt; Qt 6: LGPL 3. LibTorch: BSD 3-clause. OpenCV: Apache 2.0. QCustomPlot: GPL 3. The sample photo is scikit-image&apos;s coffee.png (CC0); the bundled models&apos; training photos and their licences are listed in scripts/training-photos/manifest.tsv and in each model&apos;s card (models/*.md).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;许可证。&lt;/b&gt;Qt 6：LGPL 3。LibTorch：BSD 三条款。OpenCV：Apache 2.0。QCustomPlot：GPL 3。示例照片为 scikit-image 的 coffee.png（CC0）；随附模型的训练照片及其许可证列于 scripts/training-photos/manifest.tsv 以及各模型的说明卡（models/*.md）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>rdbm::app::InputList</name>
    <message>
        <source>Opening the reference %1</source>
        <translation>打开参考图 %1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>打开 %1</translation>
    </message>
</context>
<context>
    <name>rdbm::app::InputQueueView</name>
    <message>
        <source>Opened photos. Drop more onto the window; Restore All works through them in order.</source>
        <translation>已打开的照片。可将更多照片拖到窗口上；“全部修复”会按顺序依次处理。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reference&lt;/b&gt; (clean photo, for PSNR and SSIM)</source>
        <translation>&lt;b&gt;参考图&lt;/b&gt;（干净照片，用于 PSNR 和 SSIM）</translation>
    </message>
    <message>
        <source>None. Open one to measure PSNR and SSIM.</source>
        <translation>无。打开一张即可测量 PSNR 和 SSIM。</translation>
    </message>
</context>
<context>
    <name>rdbm::app::MainWindow</name>
    <message>
        <source>Load a TorchScript Model?</source>
        <translation>加载 TorchScript 模型？</translation>
    </message>
    <message>
        <source>%1 is a TorchScript file. TorchScript files contain program code that runs when the file is loaded, with all the rights of your user account: it can read, change or delete your files.

Load it only if you trust where it came from. It is tried in a separate process first, so a damaged file cannot crash RDBM Studio.</source>
        <translation>%1 是 TorchScript 文件。TorchScript 文件包含在加载时运行的程序代码，拥有您用户帐户的全部权限：它可以读取、修改或删除您的文件。

仅在信任其来源时加载。它会先在单独的进程中试运行，因此损坏的文件不会使 RDBM Studio 崩溃。</translation>
    </message>
    <message>
        <source>Trust and Load</source>
        <translation>信任并加载</translation>
    </message>
    <message>
        <source>%1 was not loaded: TorchScript files run code, and this one was not trusted</source>
        <translation>%1 未加载：TorchScript 文件会运行代码，而此文件未被信任</translation>
    </message>
    <message>
        <source>The last model, %1, is a TorchScript file, which runs code when loaded, so it is not reloaded automatically: load it again to trust it</source>
        <translation>上次使用的模型 %1 是 TorchScript 文件，加载时会运行代码，因此不会自动重新加载：再次加载即可信任它</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>大约还剩 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>大约还剩 %1 分 %2 秒</translation>
    </message>
    <message>
        <source>PSNR %1 dB → %2 dB, SSIM %3 → %4</source>
        <translation>PSNR %1 dB → %2 dB，SSIM %3 → %4</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修复前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修复后</translation>
    </message>
    <message>
        <source>&amp;Trajectory</source>
        <translation>轨迹(&amp;T)</translation>
    </message>
    <message>
        <source>Plot written to %1</source>
        <translation>图表已写入 %1</translation>
    </message>
    <message>
        <source>Exporting the plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>&amp;Open Photos…</source>
        <translation>打开照片(&amp;O)…</translation>
    </message>
    <message>
        <source>Open one or more photos (PNG, JPEG, TIFF, WebP); several become a queue</source>
        <translation>打开一张或多张照片（PNG、JPEG、TIFF、WebP）；多张照片会组成队列</translation>
    </message>
    <message>
        <source>Open &amp;Reference…</source>
        <translation>打开参考图(&amp;R)…</translation>
    </message>
    <message>
        <source>Open the clean version of the photo to measure PSNR and SSIM (or Shift+drop it onto the window)</source>
        <translation>打开照片的干净版本以测量 PSNR 和 SSIM（或按住 Shift 将其拖到窗口上）</translation>
    </message>
    <message>
        <source>Clear Reference</source>
        <translation>清除参考图</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected photo from the queue</source>
        <translation>从队列中移除所选照片</translation>
    </message>
    <message>
        <source>Load &amp;Model…</source>
        <translation>加载模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Load a checkpoint (.safetensors, .pt, .pth, TorchScript)</source>
        <translation>加载检查点（.safetensors、.pt、.pth、TorchScript）</translation>
    </message>
    <message>
        <source>&amp;Save Result…</source>
        <translation>保存结果(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the restored photo in the input&apos;s format and bit depth</source>
        <translation>以输入照片的格式和位深保存修复后的照片</translation>
    </message>
    <message>
        <source>Save &amp;All Results…</source>
        <translation>保存全部结果(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>修复(&amp;R)</translation>
    </message>
    <message>
        <source>Restore the selected photo (Ctrl+R)</source>
        <translation>修复所选照片（Ctrl+R）</translation>
    </message>
    <message>
        <source>Restore A&amp;ll</source>
        <translation>全部修复(&amp;L)</translation>
    </message>
    <message>
        <source>Restore every photo in the queue that has no result yet</source>
        <translation>修复队列中所有尚无结果的照片</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Split View</source>
        <translation>分割视图(&amp;S)</translation>
    </message>
    <message>
        <source>Side &amp;by Side</source>
        <translation>并排(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Difference</source>
        <translation>差异(&amp;D)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Actual Pixels (1:1)</source>
        <translation>实际像素(&amp;A)（1:1）</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About RDBM Studio</source>
        <translation>关于 RDBM Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>The language changes the next time RDBM Studio starts.</source>
        <translation>语言将在下次启动 RDBM Studio 时生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Before / After</source>
        <translation>修复前后</translation>
    </message>
    <message>
        <source>Trajectory</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>RNR &amp;&amp; Schedule</source>
        <translation>RNR 与调度</translation>
    </message>
    <message>
        <source>π Comparison</source>
        <translation>π 比较</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>配色(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Restoration</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Model %1 loaded (%2, %3)</source>
        <translation>已加载模型 %1（%2，%3）</translation>
    </message>
    <message>
        <source>Reference %1 opened</source>
        <translation>已打开参考图 %1</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>正在修复 %1…</translation>
    </message>
    <message>
        <source>Restored %1 in %2 s</source>
        <translation>已修复 %1，用时 %2 秒</translation>
    </message>
    <message numerus="yes">
        <source>Restoration of %1 cancelled after %n step(s)</source>
        <translation>
            <numerusform>%1 的修复在第 %n 步后取消</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s)</source>
        <translation>
            <numerusform>已写入 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source> to %1</source>
        <translation>，位于 %1</translation>
    </message>
    <message>
        <source>Opening files</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Several checkpoints dropped: loading %1. Drop them on the π Comparison page to compare them.</source>
        <translation>拖入了多个检查点：正在加载 %1。将它们拖到“π 比较”页面即可进行比较。</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>正在加载模型 %1…</translation>
    </message>
    <message>
        <source>Loading %1 for %2…</source>
        <translation>正在为 %2 加载 %1…</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>no model is loaded: drop a checkpoint or use File › Load Model</source>
        <translation>尚未加载模型：请拖入检查点，或使用“文件 › 加载模型”</translation>
    </message>
    <message>
        <source>no photo is open: drop one or use File › Open Photos</source>
        <translation>尚未打开照片：请拖入照片，或使用“文件 › 打开照片”</translation>
    </message>
    <message>
        <source>Busy: wait for the running job or cancel it.</source>
        <translation>忙碌中：请等待当前任务完成或取消它。</translation>
    </message>
    <message>
        <source>Nothing to restore: every photo already has a result.</source>
        <translation>没有需要修复的照片：每张照片都已有结果。</translation>
    </message>
    <message>
        <source>Drop photos (PNG, JPEG, TIFF, WebP) and a checkpoint (.safetensors, .pt, .pth, TorchScript) onto the window, then press Restore. Shift+drop a clean photo to use it as the reference for PSNR and SSIM.</source>
        <translation>将照片（PNG、JPEG、TIFF、WebP）和检查点（.safetensors、.pt、.pth、TorchScript）拖到窗口上，然后点击“修复”。按住 Shift 拖入一张干净照片，可将其作为计算 PSNR 和 SSIM 的参考图。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在修复…</translation>
    </message>
    <message>
        <source>Not restored yet</source>
        <translation>尚未修复</translation>
    </message>
    <message>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <source>, %1-bit %2</source>
        <translation>，%1 位 %2</translation>
    </message>
    <message numerus="yes">
        <source>restored in %1 s, %n network call(s)</source>
        <translation>
            <numerusform>修复用时 %1 秒，网络调用 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 tiles of %2 px</source>
        <translation>，%1 个 %2 像素的分块</translation>
    </message>
    <message>
        <source>the reference&apos;s size differs from the photo: no PSNR/SSIM</source>
        <translation>参考图与照片尺寸不同：无法计算 PSNR/SSIM</translation>
    </message>
    <message>
        <source>the reference photo</source>
        <translation>参考照片</translation>
    </message>
    <message>
        <source>the predicted x₀ of %1</source>
        <translation>%1 的预测 x₀</translation>
    </message>
    <message>
        <source>RDBM Studio</source>
        <translation>RDBM Studio</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Open Photos</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <source>Open Reference Photo</source>
        <translation>打开参考照片</translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation>加载模型</translation>
    </message>
    <message>
        <source>Load Model for %1</source>
        <translation>为 %1 加载模型</translation>
    </message>
    <message>
        <source>Same format as the input (*.%1)</source>
        <translation>与输入相同的格式 (*.%1)</translation>
    </message>
    <message>
        <source>Save Restored Photo</source>
        <translation>保存修复后的照片</translation>
    </message>
    <message>
        <source>Save All Results to Folder</source>
        <translation>将全部结果保存到文件夹</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n result(s)…</source>
        <translation>
            <numerusform>正在保存 %n 个结果…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Frames to Folder</source>
        <translation>将帧导出到文件夹</translation>
    </message>
    <message>
        <source>Export Contact Sheet to Folder</source>
        <translation>将缩略图总览导出到文件夹</translation>
    </message>
    <message>
        <source>only local files can be opened: %1</source>
        <translation>只能打开本地文件：%1</translation>
    </message>
    <message>
        <source>the photo could not be opened</source>
        <translation>无法打开该照片</translation>
    </message>
    <message>
        <source>Drop photos and a checkpoint here, or click to open photos</source>
        <translation>将照片和检查点拖放到此处，或单击以打开照片</translation>
    </message>
    <message>
        <source>Stop the restoration (Esc)</source>
        <translation>停止修复 (Esc)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Zoom of the view (Ctrl+0 fits, Ctrl+1 shows actual pixels)</source>
        <translation>视图缩放（Ctrl+0 适应窗口，Ctrl+1 实际像素）</translation>
    </message>
    <message>
        <source>Model %1 loaded for %2</source>
        <translation>已为 %2 加载模型 %1</translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation>无法加载 %1</translation>
    </message>
    <message>
        <source>step 1 of %1</source>
        <translation>第 1 步，共 %1 步</translation>
    </message>
    <message>
        <source>estimating time left…</source>
        <translation>正在估计剩余时间…</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>finishing</source>
        <translation>即将完成</translation>
    </message>
    <message>
        <source>step %1 of %2, tile %3 of %4</source>
        <translation>第 %1/%2 步，图块 %3/%4</translation>
    </message>
    <message>
        <source>Running the π comparison…</source>
        <translation>正在进行 π 比较…</translation>
    </message>
    <message>
        <source>Comparison cancelled</source>
        <translation>比较已取消</translation>
    </message>
    <message>
        <source>Comparison finished</source>
        <translation>比较完成</translation>
    </message>
    <message>
        <source>Several problems</source>
        <translation>多个问题</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n 个问题：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is the input photo. Choose another name so that the original is kept.</source>
        <translation>%1 是输入照片。请另选文件名，以保留原图。</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message>
        <source>Saving results… %1 written</source>
        <translation>正在保存结果… 已写入 %1 个</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n result(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个结果保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>In a view: wheel zooms at the cursor, dragging pans, double-click fits.</source>
        <translation>在视图中：滚轮在光标处缩放，拖动平移，双击适应窗口。</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message numerus="yes">
        <source>Release to open %n file(s)</source>
        <translation>
            <numerusform>松开以打开 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit RDBM Studio</source>
        <translation>退出 RDBM Studio</translation>
    </message>
    <message>
        <source>Stop restoring and quit?</source>
        <translation>停止修复并退出？</translation>
    </message>
    <message>
        <source>The running restoration is lost; results already finished are kept until you quit.</source>
        <translation>正在进行的修复将丢失；已完成的结果在退出前保留。</translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>停止并退出</translation>
    </message>
    <message>
        <source>Show &amp;Tiles</source>
        <translation>显示图块(&amp;T)</translation>
    </message>
    <message>
        <source>Outline the tiles the last restoration of this photo ran in</source>
        <translation>勾勒出此照片上次修复时所用的图块</translation>
    </message>
    <message>
        <source>This photo ran as one whole-image call: there are no tiles to show</source>
        <translation>此照片以整张图像一次调用完成：没有可显示的图块</translation>
    </message>
    <message>
        <source>Restore Again with &amp;These Settings</source>
        <translation>用这些设置再次修复(&amp;T)</translation>
    </message>
    <message>
        <source>Set the model, steps, η, noise, seed and tile size this photo was made with, to restore its original the same way</source>
        <translation>设置生成此照片时所用的模型、步数、η、噪声、随机种子和图块大小，以同样方式修复其原图</translation>
    </message>
    <message>
        <source>Model %1 and the settings of the photo&apos;s record are set: open the original photo and press Restore</source>
        <translation>已设置模型 %1 及照片记录中的设置：请打开原始照片并按“修复”</translation>
    </message>
    <message>
        <source>Restore Again with These Settings</source>
        <translation>用这些设置再次修复</translation>
    </message>
    <message>
        <source>the record&apos;s noise modulation &apos;%1&apos; is unknown</source>
        <translation>记录中的噪声调制“%1”未知</translation>
    </message>
    <message>
        <source>%1 steps instead of the record&apos;s %2</source>
        <translation>%1 步，而非记录中的 %2 步</translation>
    </message>
    <message>
        <source>η %1 instead of the record&apos;s %2</source>
        <translation>η 为 %1，而非记录中的 %2</translation>
    </message>
    <message>
        <source>seed %1 instead of the record&apos;s %2</source>
        <translation>随机种子为 %1，而非记录中的 %2</translation>
    </message>
    <message>
        <source>tile size %1 instead of the record&apos;s %2</source>
        <translation>图块大小为 %1，而非记录中的 %2</translation>
    </message>
    <message>
        <source>the photo is the mean of %1 seeds: use Restore N Seeds… with %1 to make it again</source>
        <translation>此照片是 %1 个随机种子的平均：请用“用 N 个随机种子修复…”并设为 %1 来重新生成</translation>
    </message>
    <message>
        <source>This photo carries no run record</source>
        <translation>此照片不含运行记录</translation>
    </message>
    <message>
        <source>the settings are set, but the model file that made this photo, %1, is not here. Load it with File › Load Model…; it is then checked against the record&apos;s SHA-256 (%2).</source>
        <translation>设置已生效，但生成此照片的模型文件 %1 不存在。请用“文件 › 加载模型…”加载它；届时会与记录中的 SHA-256（%2）核对。</translation>
    </message>
    <message>
        <source>Checking %1 against the photo&apos;s record…</source>
        <translation>正在将 %1 与照片的记录核对…</translation>
    </message>
    <message>
        <source>%1 is the model that made the photo (its SHA-256 matches the record)</source>
        <translation>%1 正是生成该照片的模型（其 SHA-256 与记录一致）</translation>
    </message>
    <message>
        <source>%1 is loaded, but it is not the model that made the photo: its SHA-256 is %2, the record&apos;s %3</source>
        <translation>%1 已加载，但它不是生成该照片的模型：其 SHA-256 为 %2，记录中为 %3</translation>
    </message>
    <message>
        <source>the settings are set, but %1 is not the file that made this photo: its SHA-256 is %2, the record&apos;s %3. It was not loaded; load the right file with File › Load Model….</source>
        <translation>设置已生效，但 %1 不是生成此照片的文件：其 SHA-256 为 %2，记录中为 %3。该文件未被加载；请用“文件 › 加载模型…”加载正确的文件。</translation>
    </message>
    <message>
        <source>The settings of the photo&apos;s record are set and its model %1 is loaded: open the original photo and press Restore</source>
        <translation>已设置照片记录中的设置，且其模型 %1 已加载：请打开原始照片并按“修复”</translation>
    </message>
    <message>
        <source>the settings are set; %1 can be loaded once the running job ends</source>
        <translation>设置已生效；当前任务结束后即可加载 %1</translation>
    </message>
    <message>
        <source>Loading %1: the record has no checksum to compare it with</source>
        <translation>正在加载 %1：记录中没有可供核对的校验和</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>添加文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Add every photo in a folder to the queue (see Include Subfolders)</source>
        <translation>将文件夹中的所有照片加入队列（参见“包含子文件夹”）</translation>
    </message>
    <message>
        <source>Include &amp;Subfolders</source>
        <translation>包含子文件夹(&amp;S)</translation>
    </message>
    <message>
        <source>Add Folder… takes the photos of its subfolders too</source>
        <translation>“添加文件夹…”也会添加其子文件夹中的照片</translation>
    </message>
    <message numerus="yes">
        <source>Added %n photo(s) from %1</source>
        <translation>
            <numerusform>已从 %1 添加 %n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already open</source>
        <translation>
            <numerusform>%n 张已打开</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other file(s) skipped</source>
        <translation>
            <numerusform>跳过了 %n 个其他文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <source>Looking for photos in %1…</source>
        <translation>正在 %1 中查找照片…</translation>
    </message>
    <message>
        <source>photo %1 of %2</source>
        <translation>第 %1 张，共 %2 张</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move the selected photo up: Restore All works through the list in order</source>
        <translation>将所选照片上移：“全部修复”按列表顺序处理</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Move the selected photo down: Restore All works through the list in order</source>
        <translation>将所选照片下移：“全部修复”按列表顺序处理</translation>
    </message>
    <message>
        <source>&amp;Pause Queue</source>
        <translation>暂停队列(&amp;P)</translation>
    </message>
    <message>
        <source>Let the running photo finish and start no other; press again to resume</source>
        <translation>让正在处理的照片完成，不再开始下一张；再按一次继续</translation>
    </message>
    <message numerus="yes">
        <source>Queue paused: %n photo(s) waiting. Resume Queue (Ctrl+P) continues.</source>
        <translation>
            <numerusform>队列已暂停：%n 张照片等待中。“继续队列”(Ctrl+P) 继续处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to resume.</source>
        <translation>没有可继续的内容。</translation>
    </message>
    <message>
        <source>Pausing: the running photo finishes, then the queue waits.</source>
        <translation>正在暂停：当前照片完成后，队列将等待。</translation>
    </message>
    <message>
        <source>Resu&amp;me Queue</source>
        <translation>继续队列(&amp;M)</translation>
    </message>
    <message>
        <source>The saved result %1 of %2 could not be opened: restore the photo again</source>
        <translation>无法打开 %2 的已保存结果 %1：请重新修复该照片</translation>
    </message>
    <message numerus="yes">
        <source>Reopened the queue: %n photo(s)</source>
        <translation>
            <numerusform>已重新打开队列：%n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer there</source>
        <translation>
            <numerusform>%n 张已不存在</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resume Queue (Ctrl+P) restores the %n waiting</source>
        <translation>
            <numerusform>“继续队列”(Ctrl+P) 将修复等待中的 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading %1 for the comparison…</source>
        <translation>正在为比较加载 %1…</translation>
    </message>
</context>
<context>
    <name>rdbm::app::ModelPanel</name>
    <message>
        <source>No model loaded.
Drop a checkpoint (.safetensors, .pt, .pth, TorchScript) onto the window or use File › Load Model.</source>
        <translation>尚未加载模型。
请将检查点（.safetensors、.pt、.pth、TorchScript）拖到窗口上，或使用“文件 › 加载模型”。</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>π = x₀ − μ (residual, RDBM)</source>
        <translation>π = x₀ − μ（残差，RDBM）</translation>
    </message>
    <message>
        <source>π = 1 (bridge, e.g. GOUB)</source>
        <translation>π = 1（桥，例如 GOUB）</translation>
    </message>
    <message>
        <source>π = 0 (flow matching, no noise)</source>
        <translation>π = 0（流匹配，无噪声）</translation>
    </message>
    <message>
        <source>predicts x₀</source>
        <translation>预测 x₀</translation>
    </message>
    <message>
        <source>predicts π·ε</source>
        <translation>预测 π·ε</translation>
    </message>
    <message>
        <source>predicts ε</source>
        <translation>预测 ε</translation>
    </message>
    <message>
        <source>%1 M (%2)</source>
        <translation>%1 M（%2）</translation>
    </message>
    <message>
        <source>%1 k (%2)</source>
        <translation>%1 k（%2）</translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>U-Net, dim %1, levels ×%2</source>
        <translation>U-Net，dim %1，各层倍数 ×%2</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>输入 %1，输出 %2</translation>
    </message>
    <message>
        <source>Group norm groups</source>
        <translation>GroupNorm 分组数</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>%1 heads × %2</source>
        <translation>%1 个头 × %2</translation>
    </message>
    <message>
        <source>Input multiple</source>
        <translation>输入尺寸倍数</translation>
    </message>
    <message>
        <source>%1 px (%2 padding)</source>
        <translation>%1 像素（%2 填充）</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>预测目标</translation>
    </message>
    <message>
        <source>π mode</source>
        <translation>π 模式</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>%1, T = %2%3</source>
        <translation>%1，T = %2%3</translation>
    </message>
    <message>
        <source> (from the checkpoint&apos;s buffers)</source>
        <translation>（取自检查点的缓冲区）</translation>
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
        <translation>设备</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>来源</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Trained for</source>
        <translation>训练任务</translation>
    </message>
    <message>
        <source>The degradations this model learned to remove. Photos with other damage are outside its training.</source>
        <translation>此模型学会去除的退化类型。带有其他损伤的照片不在其训练范围内。</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>加载模型(&amp;L)…</translation>
    </message>
    <message>
        <source>low light</source>
        <translation>弱光</translation>
    </message>
    <message>
        <source>haze</source>
        <translation>雾霾</translation>
    </message>
    <message>
        <source>rain</source>
        <translation>雨</translation>
    </message>
    <message>
        <source>snow</source>
        <translation>雪</translation>
    </message>
    <message>
        <source>blur</source>
        <translation>模糊</translation>
    </message>
    <message>
        <source>in the checkpoint</source>
        <translation>在检查点中</translation>
    </message>
    <message>
        <source>from a file beside the checkpoint</source>
        <translation>来自检查点旁的文件</translation>
    </message>
    <message>
        <source>defaults (none recorded)</source>
        <translation>默认值（未记录）</translation>
    </message>
    <message>
        <source>defaults and load options</source>
        <translation>默认值和加载选项</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>S 型</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>RDDM (residual denoising diffusion)</source>
        <translation>RDDM（残差去噪扩散）</translation>
    </message>
    <message>
        <source>RDBM (residual diffusion bridge)</source>
        <translation>RDBM（残差扩散桥）</translation>
    </message>
    <message>
        <source>one encoder, two decoders</source>
        <translation>一个编码器，两个解码器</translation>
    </message>
    <message>
        <source>two U-Nets</source>
        <translation>两个 U-Net</translation>
    </message>
    <message>
        <source>one U-Net</source>
        <translation>一个 U-Net</translation>
    </message>
    <message>
        <source>UnetRes (%1), dim %2, levels ×%3</source>
        <translation>UnetRes（%1），dim %2，各层倍数 ×%3</translation>
    </message>
    <message>
        <source>residual weight decreasing, noise variance increasing, sum_scale %1, T = %2%3</source>
        <translation>残差权重递减，噪声方差递增，sum_scale %1，T = %2%3</translation>
    </message>
    <message>
        <source>Photo statistics</source>
        <translation>照片统计</translation>
    </message>
    <message>
        <source>every tile is told the whole photo&apos;s tone (%1 numbers)</source>
        <translation>每个图块都获知整张照片的色调（%1 个数值）</translation>
    </message>
</context>
<context>
    <name>rdbm::app::ModelPicker</name>
    <message>
        <source>The model used for restoring: a bundled model, a recent checkpoint or another file</source>
        <translation>用于修复的模型：内置模型、最近使用的检查点或其他文件</translation>
    </message>
    <message>
        <source>Bundled models</source>
        <translation>内置模型</translation>
    </message>
    <message>
        <source>Recent checkpoints</source>
        <translation>最近使用的检查点</translation>
    </message>
    <message>
        <source>Load Model…</source>
        <translation>加载模型…</translation>
    </message>
    <message>
        <source>Choose a checkpoint file (.safetensors, .pt, .pth)</source>
        <translation>选择检查点文件（.safetensors、.pt、.pth）</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Trained for: %1</source>
        <translation>训练任务：%1</translation>
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
        <translation>运行比较(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Export Comparison…</source>
        <translation>导出比较(&amp;E)…</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <source>Choose the checkpoint for %1</source>
        <translation>为 %1 选择检查点</translation>
    </message>
    <message>
        <source>The loaded model with fresh noise scaled per pixel by x₀ − μ, 1 or 0, same seed. η:</source>
        <translation>使用已加载的模型，新噪声按像素乘以 x₀ − μ、1 或 0，随机种子相同。η：</translation>
    </message>
    <message>
        <source>Open a photo</source>
        <translation>打开一张照片</translation>
    </message>
    <message>
        <source>result − input</source>
        <translation>结果 − 输入</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
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
        <translation>平均 |变化|</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message numerus="yes">
        <source>Restoring with %n setting(s)…</source>
        <translation>
            <numerusform>正在用 %n 种设置修复…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: step %2 of %3</source>
        <translation>%1：第 %2 / %3 步</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>比较已取消。</translation>
    </message>
    <message>
        <source>(x₀ − μ)</source>
        <translation>(x₀ − μ)</translation>
    </message>
    <message>
        <source>noise × %1</source>
        <translation>噪声 × %1</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>reference (PSNR, SSIM)</source>
        <translation>参考图（PSNR、SSIM）</translation>
    </message>
    <message>
        <source>Open a reference photo to measure PSNR and SSIM.</source>
        <translation>打开参考照片以测量 PSNR 和 SSIM。</translation>
    </message>
    <message>
        <source>Load at least one model for the comparison.</source>
        <translation>请至少为比较加载一个模型。</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>请先加载模型。</translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation>%1：等待中</translation>
    </message>
    <message>
        <source>%1: no model</source>
        <translation>%1：无模型</translation>
    </message>
    <message>
        <source>Open a photo and wait for the running job to finish.</source>
        <translation>请打开一张照片，并等待当前任务完成。</translation>
    </message>
    <message>
        <source>%1 failed:
%2</source>
        <translation>%1 失败：
%2</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Export Comparison to Folder</source>
        <translation>将比较导出到文件夹</translation>
    </message>
    <message>
        <source>Exporting the comparison to %1…</source>
        <translation>正在将比较导出到 %1…</translation>
    </message>
    <message>
        <source>the loaded model</source>
        <translation>已加载的模型</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>&amp;Spread over</source>
        <translation>离散度(&amp;S)：</translation>
    </message>
    <message>
        <source>Restore every setting several times with consecutive seeds (η &gt; 0) and show the per-pixel standard deviation of the runs: where each is unsure</source>
        <translation>用连续的随机种子（η &gt; 0）将每种设置修复多次，并显示各次运行的逐像素标准差：即各自不确定的地方</translation>
    </message>
    <message>
        <source>seeds</source>
        <translation>个随机种子</translation>
    </message>
    <message>
        <source>Every seed would give the same images: set η above 0 in the Restoration panel for the spread.</source>
        <translation>每个随机种子都会得到相同的图像：要显示离散度，请在“修复”面板中将 η 设为大于 0。</translation>
    </message>
    <message>
        <source>std: mean %1, max %2</source>
        <translation>标准差：平均 %1，最大 %2</translation>
    </message>
    <message>
        <source>auto levels</source>
        <translation>自动色阶</translation>
    </message>
    <message>
        <source>auto contrast</source>
        <translation>自动对比度</translation>
    </message>
    <message>
        <source>gamma to mean</source>
        <translation>伽马至均值</translation>
    </message>
    <message>
        <source>CLAHE</source>
        <translation>CLAHE</translation>
    </message>
    <message>
        <source>dark channel prior</source>
        <translation>暗通道先验</translation>
    </message>
    <message>
        <source>C&amp;lassical:</source>
        <translation>经典方法(&amp;L)：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Add a classical correction as one more column, to see what the diffusion model adds. It follows what the model was trained for until you choose one.</source>
        <translation>添加一种经典校正作为额外一列，以查看扩散模型带来的提升。在您选择之前，它跟随模型的训练任务。</translation>
    </message>
    <message>
        <source>classical tool</source>
        <translation>经典工具</translation>
    </message>
    <message>
        <source>%1 (classical)</source>
        <translation>%1（经典）</translation>
    </message>
    <message>
        <source>RDDM</source>
        <translation>RDDM</translation>
    </message>
    <message>
        <source>RDBM, %1</source>
        <translation>RDBM，%1</translation>
    </message>
    <message>
        <source>Co&amp;mpare:</source>
        <translation>比较(&amp;M)：</translation>
    </message>
    <message>
        <source>Three models (π = x₀ − μ, 1, 0)</source>
        <translation>三个模型（π = x₀ − μ、1、0）</translation>
    </message>
    <message>
        <source>One model, three noise modulations</source>
        <translation>一个模型，三种噪声调制</translation>
    </message>
    <message>
        <source>RDBM vs RDDM (methods)</source>
        <translation>RDBM 对比 RDDM（方法）</translation>
    </message>
    <message>
        <source>RDBM&apos;s three models (π = x₀ − μ, 1, 0) beside an RDDM model on the same photo</source>
        <translation>同一张照片上，RDBM 的三个模型（π = x₀ − μ、1、0）与一个 RDDM 模型并列</translation>
    </message>
    <message>
        <source>No RDDM model loaded: choose one with Load… beside RDDM, or drop an RDDM checkpoint on this page (models/%1 is used when it is there).</source>
        <translation>未加载 RDDM 模型：用 RDDM 旁的“加载…”选择一个，或把 RDDM 检查点拖到此页（models/%1 存在时会自动使用）。</translation>
    </message>
    <message numerus="yes">
        <source>Comparison finished: %n of %1 setting(s) restored.</source>
        <translation>
            <numerusform>比较完成：%1 种设置中已修复 %n 种。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rdbm::app::RestoreSession</name>
    <message>
        <source>opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>restoring</source>
        <translation>修复中</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Loading the model %1</source>
        <translation>加载模型 %1</translation>
    </message>
    <message numerus="yes">
        <source>cancelled after %n step(s)</source>
        <translation>
            <numerusform>在第 %n 步后取消</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring %1</source>
        <translation>修复 %1</translation>
    </message>
    <message>
        <source>Comparison setting %1</source>
        <translation>比较设置 %1</translation>
    </message>
    <message>
        <source>wait for the running restoration to finish, or cancel it</source>
        <translation>请等待当前修复完成，或将其取消</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>写入 %1</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>保存 %1</translation>
    </message>
    <message>
        <source>%1 is the input photo; choose another name so the original is kept</source>
        <translation>%1 是输入照片；请换一个文件名，以保留原图</translation>
    </message>
    <message numerus="yes">
        <source>Restoring %1 with %n seed(s)</source>
        <translation>
            <numerusform>用 %n 个随机种子修复 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>the number of seeds must be between 2 and %1</source>
        <translation>随机种子的数量必须在 2 到 %1 之间</translation>
    </message>
    <message>
        <source>every seed would give the same image: set η above 0 (and a noise scale other than zero) in the Restoration panel</source>
        <translation>每个随机种子都会得到相同的图像：请在“修复”面板中将 η 设为大于 0（并选择非零的噪声缩放）</translation>
    </message>
</context>
<context>
    <name>rdbm::app::RestoreWorker</name>
    <message>
        <source>Nothing to restore: load a model and an image first.</source>
        <translation>没有可修复的内容：请先加载模型和图像。</translation>
    </message>
</context>
<context>
    <name>rdbm::app::RunRecordText</name>
    <message>
        <source>an unnamed model</source>
        <translation>未命名的模型</translation>
    </message>
    <message>
        <source>π %1</source>
        <translation>π %1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>η %1</source>
        <translation>η %1</translation>
    </message>
    <message>
        <source> (noise %1)</source>
        <translation>（噪声 %1）</translation>
    </message>
    <message>
        <source>mean of %1 seeds from %2</source>
        <translation>从 %2 起 %1 个随机种子的平均</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>随机种子 %1</translation>
    </message>
    <message>
        <source>tiles of %1 px</source>
        <translation>%1 px 的图块</translation>
    </message>
    <message>
        <source>whole image</source>
        <translation>整幅图像</translation>
    </message>
    <message>
        <source>Made with %1</source>
        <translation>生成方式：%1</translation>
    </message>
    <message>
        <source>the run record could not be read: %1</source>
        <translation>无法读取运行记录：%1</translation>
    </message>
</context>
<context>
    <name>rdbm::app::SamplerControls</name>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Where the network runs. Changing it reloads the model.</source>
        <translation>网络运行的位置。更改后会重新加载模型。</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>Sampling steps = network evaluations (NFE). The paper finds 10 best.</source>
        <translation>采样步数 = 网络评估次数（NFE）。论文中 10 步效果最好。</translation>
    </message>
    <message>
        <source>&amp;Steps (NFE):</source>
        <translation>步数(&amp;S)（NFE）：</translation>
    </message>
    <message>
        <source>0: the reference&apos;s deterministic sampler. Above 0: fresh noise at each step.</source>
        <translation>0：参考实现的确定性采样器。大于 0：每一步加入新的噪声。</translation>
    </message>
    <message>
        <source>&amp;η (stochasticity):</source>
        <translation>η（随机性）(&amp;Y)：</translation>
    </message>
    <message>
        <source>Per-pixel scale of the fresh noise when η &gt; 0.</source>
        <translation>η &gt; 0 时新噪声的逐像素缩放。</translation>
    </message>
    <message>
        <source>&amp;Noise modulation:</source>
        <translation>噪声调制(&amp;N)：</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Large photos are restored in overlapping tiles of this size (memory vs. speed).</source>
        <translation>大照片会按此大小切成相互重叠的分块进行修复（在内存与速度之间权衡）。</translation>
    </message>
    <message>
        <source>&amp;Tile size:</source>
        <translation>分块大小(&amp;T)：</translation>
    </message>
    <message>
        <source>Seed of the noise for η &gt; 0 (the same seed gives the same result).</source>
        <translation>η &gt; 0 时噪声的随机种子（相同的种子得到相同的结果）。</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Pick a random seed</source>
        <translation>随机选择一个种子</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <source>Residual (x₀ − μ)</source>
        <translation>残差（x₀ − μ）</translation>
    </message>
    <message>
        <source>Uniform (1)</source>
        <translation>均匀（1）</translation>
    </message>
    <message>
        <source>None (0)</source>
        <translation>无（0）</translation>
    </message>
</context>
<context>
    <name>rdbm::app::SchedulePlotPanel</name>
    <message>
        <source>Export Plot as &amp;PNG…</source>
        <translation>将图表导出为 &amp;PNG…</translation>
    </message>
    <message>
        <source>Export Plot as P&amp;DF…</source>
        <translation>将图表导出为 P&amp;DF…</translation>
    </message>
    <message>
        <source>Load a model to see its schedule and residual-to-noise ratio.</source>
        <translation>加载模型即可查看其调度和残差噪声比。</translation>
    </message>
    <message>
        <source>π = 1: pixels %1–%2 %</source>
        <translation>π = 1：%1–%2 % 的像素</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; schedule, T = %2, λ = %3, %4 sampled steps. This model: %5.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 调度，T = %2，λ = %3，采样 %4 步。本模型：%5。</translation>
    </message>
    <message>
        <source>π = 1 band from %1.</source>
        <translation>π = 1 区间来自%1。</translation>
    </message>
    <message>
        <source>Restore a photo (or open a reference) to see the per-pixel π = 1 band.</source>
        <translation>修复一张照片（或打开参考图）即可查看逐像素的 π = 1 区间。</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export Plot as PDF</source>
        <translation>将图表导出为 PDF</translation>
    </message>
    <message>
        <source>Export Plot as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export the plot as PNG or PDF</source>
        <translation>将图表导出为 PNG 或 PDF</translation>
    </message>
    <message>
        <source>RDDM: ᾱ(t) / β̄(t)</source>
        <translation>RDDM：ᾱ(t) / β̄(t)</translation>
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
        <translation>&lt;b&gt;RDDM&lt;/b&gt; 调度，T = %1，sum_scale = %2，采样 %3 步：残差权重 ᾱ(t)、噪声权重 β̄(t) 及其比值，对每个像素都相同。</translation>
    </message>
    <message>
        <source>Export Plot Data as &amp;CSV…</source>
        <translation>将图表数据导出为 &amp;CSV…</translation>
    </message>
    <message>
        <source>ᾱ(t) / β̄(t)</source>
        <translation>ᾱ(t) / β̄(t)</translation>
    </message>
    <message>
        <source>R(t) for π = x₀ − μ</source>
        <translation>π = x₀ − μ 时的 R(t)</translation>
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
        <translation>%1（实线），%2（虚线）</translation>
    </message>
    <message>
        <source>Beside it (dashed): &lt;b&gt;%1&lt;/b&gt;, T = %2. Time is t / T, so that both methods run from 0 to 1. Θ(t) weighs x₀ − μ in the mean, ᾱ(t) weighs μ − x₀: Θ(t) matches 1 − ᾱ(t).</source>
        <translation>旁边（虚线）：&lt;b&gt;%1&lt;/b&gt;，T = %2。时间为 t / T，使两种方法都从 0 到 1。Θ(t) 是均值中 x₀ − μ 的权重，ᾱ(t) 是 μ − x₀ 的权重：Θ(t) 对应 1 − ᾱ(t)。</translation>
    </message>
    <message>
        <source>Export Plot Data as CSV</source>
        <translation>将图表数据导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>rdbm::app::TrajectoryInspector</name>
    <message>
        <source>Restore a photo to see its trajectory</source>
        <translation>修复一张照片即可查看其轨迹</translation>
    </message>
    <message>
        <source>Predicted x₀ of the chosen step</source>
        <translation>所选步骤的预测 x₀</translation>
    </message>
    <message>
        <source>predicted π·ε</source>
        <translation>预测的 π·ε</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>Play through the steps (Space)</source>
        <translation>依次播放各步骤（空格键）</translation>
    </message>
    <message>
        <source>&amp;Next Step</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Step</source>
        <translation>上一步(&amp;R)</translation>
    </message>
    <message>
        <source>Export &amp;Frames…</source>
        <translation>导出帧(&amp;F)…</translation>
    </message>
    <message>
        <source>Write x_t, predicted x₀ and π·ε of every step as PNG files</source>
        <translation>将每一步的 x_t、预测 x₀ 和 π·ε 写为 PNG 文件</translation>
    </message>
    <message>
        <source>Export &amp;Contact Sheet…</source>
        <translation>导出缩略图总览(&amp;C)…</translation>
    </message>
    <message>
        <source>Write one PNG with a row per step</source>
        <translation>写出一张 PNG，每一步占一行</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>每秒 %1 步</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>Common π·ε scale</source>
        <translation>统一 π·ε 色标</translation>
    </message>
    <message>
        <source>Colour all steps&apos; π·ε maps on the same scale, so that they compare</source>
        <translation>用同一色标为所有步骤的 π·ε 图着色，便于比较</translation>
    </message>
    <message>
        <source>μ (input)</source>
        <translation>μ（输入）</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
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
        <translation>第 %1 步后的 x_t（t → %2）</translation>
    </message>
    <message>
        <source>No prediction for μ: choose a step</source>
        <translation>μ 没有预测：请选择一个步骤</translation>
    </message>
    <message>
        <source>predicted x₀ at t = %1</source>
        <translation>t = %1 时预测的 x₀</translation>
    </message>
    <message>
        <source>predicted π·ε at t = %1</source>
        <translation>t = %1 时预测的 π·ε</translation>
    </message>
    <message>
        <source>Input μ (%1 steps follow)</source>
        <translation>输入 μ（之后共 %1 步）</translation>
    </message>
    <message>
        <source>Step %1 of %2: t = %3 → %4, %5 s</source>
        <translation>第 %1 / %2 步：t = %3 → %4，%5 秒</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export the frames or a contact sheet</source>
        <translation>导出各帧或缩略图总览</translation>
    </message>
    <message>
        <source>result after step %1 (final x₀)</source>
        <translation>第 %1 步后的结果（最终 x₀）</translation>
    </message>
    <message>
        <source>final x₀</source>
        <translation>最终 x₀</translation>
    </message>
    <message>
        <source>predicted noise ε at t = %1</source>
        <translation>t = %1 时预测的噪声 ε</translation>
    </message>
    <message>
        <source>predicted residual μ − x₀ at t = %1</source>
        <translation>t = %1 时预测的残差 μ − x₀</translation>
    </message>
</context>
<context>
    <name>rdbm::app::UncertaintyPanel</name>
    <message>
        <source>Run %1 of %2, step %3 of %4…</source>
        <translation>第 %1/%2 次运行，第 %3/%4 步…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>正在完成…</translation>
    </message>
    <message numerus="yes">
        <source>Restoring %n seed(s)…</source>
        <translation>
            <numerusform>正在用 %n 个随机种子修复…</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore N Seeds</source>
        <translation>用 N 个随机种子修复</translation>
    </message>
    <message>
        <source>Restore the photo this many times, with the seeds %1, %2, …; the result is their mean and the map their spread:</source>
        <translation>修复照片的次数，随机种子依次为 %1、%2、…；结果为它们的平均值，图为它们的离散程度：</translation>
    </message>
    <message>
        <source>Standard deviation of %1 restorations (seeds %2 to %3, η %4) in [0, 1] units: max %5, mean %6. Red marks where the runs disagree: where the model is unsure.</source>
        <translation>%1 次修复的标准差（随机种子 %2 至 %3，η %4），以 [0, 1] 为单位：最大 %5，平均 %6。红色表示各次运行结果不一致之处，即模型不确定的地方。</translation>
    </message>
    <message>
        <source>Restore N &amp;Seeds…</source>
        <translation>用 N 个随机种子修复(&amp;S)…</translation>
    </message>
    <message>
        <source>Restore the photo several times with the stochastic sampler (η &gt; 0) and show where the results differ: the per-pixel standard deviation, next to their mean</source>
        <translation>用随机采样器（η &gt; 0）多次修复照片，并显示结果的差异之处：逐像素标准差，显示在其平均值旁边</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>不确定性</translation>
    </message>
    <message>
        <source>std</source>
        <translation>标准差</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::CompareView</name>
    <message>
        <source>Before</source>
        <translation>修复前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修复后</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分割</translation>
    </message>
    <message>
        <source>Before and after in one view, divided by a draggable line</source>
        <translation>修复前后显示在同一视图中，由可拖动的分割线分开</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Before and after next to each other, zoomed together</source>
        <translation>修复前后并排显示，同步缩放</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>What changed: the difference between after and before, amplified</source>
        <translation>变化之处：修复后与修复前之差，经放大显示</translation>
    </message>
    <message>
        <source>Gain:</source>
        <translation>增益：</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Amplification of the difference</source>
        <translation>差异的放大倍数</translation>
    </message>
    <message>
        <source>Signed colours</source>
        <translation>带符号着色</translation>
    </message>
    <message>
        <source>Red: brighter after, blue: darker after, white: unchanged.
Off: the magnitude of the difference in grey.</source>
        <translation>红色：修复后更亮；蓝色：修复后更暗；白色：未变化。
关闭：以灰度显示差异的大小。</translation>
    </message>
    <message>
        <source>Drop a photo here</source>
        <translation>将照片拖放到这里</translation>
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
        <translation>尺寸不同（%1×%2 与 %3×%4）：仅比较重叠区域</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Choose the gain from the photo: 99% of the changes stay below full colour</source>
        <translation>根据照片选择增益：99% 的变化低于满色</translation>
    </message>
    <message>
        <source>change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Change of the mean of R, G and B, as a fraction of the full range</source>
        <translation>R、G、B 均值的变化，以满量程的比例表示</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::HeatMapView</name>
    <message>
        <source>No map</source>
        <translation>无图</translation>
    </message>
    <message>
        <source>scale ±%1 (%2th percentile)</source>
        <translation>色标 ±%1（第 %2 百分位）</translation>
    </message>
    <message>
        <source>scale ±%1</source>
        <translation>色标 ±%1</translation>
    </message>
    <message>
        <source>(%1, %2): %3</source>
        <translation>(%1, %2)：%3</translation>
    </message>
    <message>
        <source>scale 0 to %1 (%2th percentile)</source>
        <translation>色标 0 至 %1（第 %2 百分位）</translation>
    </message>
    <message>
        <source>scale 0 to %1</source>
        <translation>色标 0 至 %1</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::MetricsTable</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
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
        <translation>图像质量指标</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::RnrPlot</name>
    <message>
        <source>timestep t (sampling runs from left to right)</source>
        <translation>时间步 t（采样从左向右进行）</translation>
    </message>
    <message>
        <source>residual-to-noise ratio R(t)</source>
        <translation>残差噪声比 R(t)</translation>
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
        <translation>π = x₀ − μ（RDBM）</translation>
    </message>
    <message>
        <source>π = 1: median pixel</source>
        <translation>π = 1：中位像素</translation>
    </message>
    <message>
        <source>π = 1: 5–95 % of pixels</source>
        <translation>π = 1：5–95% 的像素</translation>
    </message>
    <message>
        <source>sampled steps</source>
        <translation>采样步</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <source>normalised time t / T (sampling runs from left to right)</source>
        <translation>归一化时间 t / T（采样从左向右进行）</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::SplitImageView</name>
    <message>
        <source>Before</source>
        <translation>修复前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修复后</translation>
    </message>
    <message>
        <source>Before and after split view</source>
        <translation>修复前后分割视图</translation>
    </message>
</context>
<context>
    <name>rdbm::widgets::TrajectoryStrip</name>
    <message>
        <source>Trajectory</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>No trajectory yet</source>
        <translation>尚无轨迹</translation>
    </message>
</context>
</TS>
