#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Gazette's one command for authors: build the site, clean it, or run the tests.
.EXAMPLE
    ./build.ps1                                   # build the sample site into _site/
    ./build.ps1 build -Source ../my-site -BaseUrl https://me.github.io/blog/
    ./build.ps1 serve -Port 5000                  # live preview on http://127.0.0.1:5000/
    ./build.ps1 new "Titre de l'article" -Category IA -Tags OpenAI,Paris
    ./build.ps1 check -Strict                     # what to fix before publishing
    ./build.ps1 clean
    ./build.ps1 init -Title "Mon site" -BaseUrl https://me.github.io/mon-site/ -Author "Mon Nom"
    ./build.ps1 import jekyll -From ../old-blog     # or hugo: brings an old site's articles in
    ./build.ps1 test
    ./build.ps1 compile                           # compile the CLI only; prints the command that runs it
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'serve', 'new', 'check', 'clean', 'init', 'import', 'test', 'compile')]
    [string] $Command = 'build',
    [Parameter(Position = 1)]
    [string] $Title,
    [string] $Source = $PSScriptRoot,
    [string] $Output,
    [string] $BaseUrl,
    [switch] $Drafts,
    [switch] $Future,
    [switch] $NoMinify,
    [switch] $NoCache,
    [switch] $Timings,
    [switch] $Strict,
    [switch] $Quiet,
    [switch] $Force,
    [int] $Port = 5000,
    [string] $Bind = '127.0.0.1',
    [string] $Category,
    [string[]] $Tags,
    [string] $Language = 'fr',
    [string] $Timezone = 'Europe/Paris',
    [string] $Author,
    [string] $From
)

$ErrorActionPreference = 'Stop'
# Only .NET calls on the way to the compiled program: each PowerShell module a cmdlet loads on
# first use (Join-Path, Test-Path, Get-ChildItem…) adds tens of milliseconds to every build.
$repo = $PSScriptRoot
$project = [System.IO.Path]::Combine($repo, 'src', 'Gazette.Cli', 'Gazette.Cli.csproj')
$managedCli = [System.IO.Path]::Combine($repo, 'src', 'Gazette.Cli', 'bin', 'ready', $(if ($IsWindows) { 'Gazette.Cli.exe' } else { 'Gazette.Cli' }))
$nativeCli = [System.IO.Path]::Combine($repo, 'src', 'Gazette.Cli', 'bin', 'native', 'Gazette.Cli')

# True when the compiled program at $path is newer than every source file: a build with
# nothing to compile must not pay for an MSBuild run.
# A program restored from a cache (the Pages workflow keeps it) is older than a fresh clone's
# files: it is up to date when the stamp written beside it at compilation matches the sources.
function Test-UpToDate([string] $path) {
    if (-not [System.IO.File]::Exists($path)) { return $false }
    if (Test-NewerThanSources $path) { return $true }
    $stamp = $path + '.stamp'
    return [System.IO.File]::Exists($stamp) -and [System.IO.File]::ReadAllText($stamp) -eq (Get-SourceStamp $path)
}

# What the program is compiled from, under src/: its code, projects and embedded files (the
# sample's manifest); the repository's Directory.*.props and global.json besides.
$sourceExtensions = '.cs', '.csproj', '.props', '.manifest', '.json'

function Test-NewerThanSources([string] $path) {
    $built = [System.IO.File]::GetLastWriteTimeUtc($path)
    foreach ($file in Get-SourceFiles) {
        if ([System.IO.File]::GetLastWriteTimeUtc($file) -gt $built) { return $false }
    }
    return $true
}

# The files the program is compiled from, in a stable order.
function Get-SourceFiles {
    $files = [System.Collections.Generic.List[string]]::new()
    $folders = [System.Collections.Generic.Stack[string]]::new()
    $folders.Push([System.IO.Path]::Combine($repo, 'src'))
    while ($folders.Count -gt 0) {
        $folder = $folders.Pop()
        foreach ($file in [System.IO.Directory]::GetFiles($folder)) {
            if ([System.IO.Path]::GetExtension($file) -in $sourceExtensions) { $files.Add($file) }
        }
        foreach ($child in [System.IO.Directory]::GetDirectories($folder)) {
            if ([System.IO.Path]::GetFileName($child) -notin 'bin', 'obj') { $folders.Push($child) }
        }
    }
    $files.AddRange([System.IO.Directory]::GetFiles($repo, 'Directory.*.props'))
    $files.Add([System.IO.Path]::Combine($repo, 'global.json'))
    $sorted = $files.ToArray()
    [System.Array]::Sort($sorted, [System.StringComparer]::Ordinal)
    return $sorted
}

# SHA-256 of every source file's path and bytes; for the native program also of this
# processor's features, since it is compiled for them (another runner's CPU may lack some).
function Get-SourceStamp([string] $path) {
    $hash = [System.Security.Cryptography.IncrementalHash]::CreateHash('SHA256')
    foreach ($file in Get-SourceFiles) {
        $hash.AppendData([System.Text.Encoding]::UTF8.GetBytes([System.IO.Path]::GetRelativePath($repo, $file).Replace('\', '/') + "`n"))
        $hash.AppendData([System.IO.File]::ReadAllBytes($file))
    }
    if ($path -eq $nativeCli) {
        $cpu = if ([System.IO.File]::Exists('/proc/cpuinfo')) {
            [System.IO.File]::ReadAllLines('/proc/cpuinfo') | Where-Object { $_ -match '^(model name|flags|Features)\s*:' } | Select-Object -First 2
        } else { & sysctl -n machdep.cpu.brand_string machdep.cpu.features 2>$null }
        $hash.AppendData([System.Text.Encoding]::UTF8.GetBytes(($cpu -join "`n")))
    }
    return [System.Convert]::ToHexString($hash.GetHashAndReset())
}

function Write-SourceStamp([string] $path) {
    [System.IO.File]::WriteAllText($path + '.stamp', (Get-SourceStamp $path))
}

# Gazette is compiled ahead of time to native code when the machine can (Linux or macOS with
# clang): no JIT at start-up makes a build 2-3 times faster. Elsewhere, or with
# GAZETTE_NATIVE=0, it runs on the .NET runtime, its code compiled ahead of time too
# (ReadyToRun, which needs no clang), else just in time. Returns the command that runs the CLI.
# The ReadyToRun program carries its own runtime, compiled with Gazette into one composite image
# (164 MB, about two minutes to make): calls across the framework and the libraries are compiled
# and inlined ahead of time too, where the framework's own ReadyToRun code could not see Gazette's
# types (10 000 articles 7.50 -> 6.42 s, 1 000 articles 1.2 -> 0.85 s, medians of 5 alternating runs).
function Get-Cli {
    $architecture = [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture
    if ($env:GAZETTE_NATIVE -ne '0' -and -not $IsWindows -and $architecture -in 'X64', 'Arm64') {
        if (Test-UpToDate $nativeCli) { return , @($nativeCli) }
        $hasClang = $false
        foreach ($folder in $env:PATH.Split([System.IO.Path]::PathSeparator)) {
            if ([System.IO.File]::Exists([System.IO.Path]::Combine($folder, 'clang'))) { $hasClang = $true; break }
        }
        if ($hasClang) {
            Write-Host 'Compiling Gazette to native code (once, about two minutes)...'
            $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
            # For this machine's processor (its vector instructions used directly, not through
            # the portable fallbacks): builds 5-9 % faster. The program is not meant to be copied.
            & dotnet publish $project -c Release -r $rid -p:PublishAot=true -p:IlcInstructionSet=native -o ([System.IO.Path]::GetDirectoryName($nativeCli)) --nologo -v quiet -clp:ErrorsOnly | Out-Host
            if ($LASTEXITCODE -eq 0 -and [System.IO.File]::Exists($nativeCli)) { Write-SourceStamp $nativeCli; return , @($nativeCli) }
            Write-Warning 'native compilation failed; running Gazette on the .NET runtime instead'
        }
    }

    if (Test-UpToDate $managedCli) { return , @($managedCli) }
    Write-Host 'Compiling Gazette ahead of time for the .NET runtime (once, about two minutes)...'
    $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    & dotnet publish $project -c Release -r $rid --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o ([System.IO.Path]::GetDirectoryName($managedCli)) --nologo -v quiet -clp:ErrorsOnly | Out-Host
    if ($LASTEXITCODE -eq 0 -and [System.IO.File]::Exists($managedCli)) { Write-SourceStamp $managedCli; return , @($managedCli) }
    Write-Warning 'ReadyToRun compilation failed; running Gazette compiled just in time instead'
    $jitCli = [System.IO.Path]::Combine($repo, 'src', 'Gazette.Cli', 'bin', 'Release', 'net10.0', 'Gazette.Cli.dll')
    if (-not (Test-UpToDate $jitCli)) {
        & dotnet build $project -c Release --nologo -v quiet -clp:ErrorsOnly | Out-Host
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    }
    return , @('dotnet', $jitCli)
}

# Search: Pagefind indexes the built site. npm installs its binary for this platform from the
# pinned package-lock.json, once, when Node.js is here; builds then run the binary alone. Without
# Node.js the build says search is off and why, and succeeds.
function Install-Pagefind {
    $installed = [System.IO.Path]::Combine($repo, 'node_modules', '@pagefind')
    if ([System.IO.Directory]::Exists($installed)) { return }
    foreach ($folder in $env:PATH.Split([System.IO.Path]::PathSeparator)) {
        foreach ($name in 'npm', 'npm.cmd') {
            $npm = [System.IO.Path]::Combine($folder, $name)
            if ([System.IO.File]::Exists($npm)) {
                Write-Host 'Installing Pagefind for search (npm ci, once)...'
                & $npm ci --prefix $repo --no-audit --no-fund --loglevel=error | Out-Host
                if ($LASTEXITCODE -ne 0) { Write-Warning 'npm ci failed: the site is built without search' }
                return
            }
        }
    }
}

switch ($Command) {
    'test' {
        & dotnet test ([System.IO.Path]::Combine($repo, 'Gazette.slnx'))
        exit $LASTEXITCODE
    }
    'compile' {
        $cli = Get-Cli
        Write-Output ($cli -join ' ')
    }
    default {
        if ($Command -in 'build', 'serve') { Install-Pagefind }
        $cli = Get-Cli
        $arguments = @($Command)
        if ($Command -in 'new', 'import') { $arguments += @($Title) }
        if ($From) { $arguments += @('--from', $From) }
        if ($Command -eq 'init') {
            $arguments += @('--title', $Title, '--language', $Language, '--timezone', $Timezone)
            if ($Author) { $arguments += @('--author', $Author) }
        }
        $arguments += @('--source', $Source)
        if ($Output) { $arguments += @('--output', $Output) }
        if ($BaseUrl) { $arguments += @('--base-url', $BaseUrl) }
        if ($Drafts) { $arguments += '--drafts' }
        if ($Future) { $arguments += '--future' }
        if ($NoMinify) { $arguments += '--no-minify' }
        if ($NoCache) { $arguments += '--no-cache' }
        if ($Timings) { $arguments += '--timings' }
        if ($Strict) { $arguments += '--strict' }
        if ($Quiet) { $arguments += '--quiet' }
        if ($Force) { $arguments += '--force' }
        # A signal that stops PowerShell does not reach the server: it watches this process instead,
        # or the dotnet host of `dotnet pwsh`, which a SIGTERM stops alone (PowerShell then lives on).
        if ($Command -eq 'serve') {
            $follow = $PID
            $parent = (Get-Process -Id $PID).Parent
            if ($parent -and $parent.ProcessName -eq 'dotnet') { $follow = $parent.Id }
            $arguments += @('--port', $Port, '--bind', $Bind, '--exit-with', $follow)
        }
        if ($Category) { $arguments += @('--category', $Category) }
        if ($Tags) { $arguments += @('--tags', ($Tags -join ',')) }
        $program = $cli[0]
        [string[]] $prefix = if ($cli.Count -gt 1) { $cli[1..($cli.Count - 1)] } else { @() }
        & $program @prefix @arguments
        exit $LASTEXITCODE
    }
}
