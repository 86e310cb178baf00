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
    ./build.ps1 test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'serve', 'new', 'check', 'clean', 'test')]
    [string] $Command = 'build',
    [Parameter(Position = 1)]
    [string] $Title,
    [string] $Source = $PSScriptRoot,
    [string] $Output,
    [string] $BaseUrl,
    [switch] $Drafts,
    [switch] $Future,
    [switch] $NoMinify,
    [switch] $Timings,
    [switch] $Strict,
    [int] $Port = 5000,
    [string] $Bind = '127.0.0.1',
    [string] $Category,
    [string[]] $Tags
)

$ErrorActionPreference = 'Stop'
$repo = $PSScriptRoot
$project = Join-Path $repo 'src/Gazette.Cli/Gazette.Cli.csproj'
$cli = Join-Path $repo 'src/Gazette.Cli/bin/Release/net10.0/Gazette.Cli.dll'

# Compile the CLI only when a source file is newer than the compiled program, so a build
# with nothing to compile does not pay for an MSBuild run.
function Update-Cli {
    if (Test-Path $cli) {
        $built = (Get-Item $cli).LastWriteTimeUtc
        $inputs = @(Get-ChildItem -Path (Join-Path $repo 'src') -Recurse -File -Include '*.cs', '*.csproj' |
                Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' })
        $inputs += Get-ChildItem -Path $repo -File -Filter 'Directory.*.props'
        $newer = $inputs | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1
        if (-not $newer) { return }
    }
    & dotnet build $project -c Release --nologo -v quiet -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

switch ($Command) {
    'test' {
        & dotnet test (Join-Path $repo 'Gazette.slnx')
        exit $LASTEXITCODE
    }
    default {
        Update-Cli
        $arguments = @($Command)
        if ($Command -eq 'new') { $arguments += @($Title) }
        $arguments += @('--source', $Source)
        if ($Output) { $arguments += @('--output', $Output) }
        if ($BaseUrl) { $arguments += @('--base-url', $BaseUrl) }
        if ($Drafts) { $arguments += '--drafts' }
        if ($Future) { $arguments += '--future' }
        if ($NoMinify) { $arguments += '--no-minify' }
        if ($Timings) { $arguments += '--timings' }
        if ($Strict) { $arguments += '--strict' }
        if ($Command -eq 'serve') { $arguments += @('--port', $Port, '--bind', $Bind) }
        if ($Category) { $arguments += @('--category', $Category) }
        if ($Tags) { $arguments += @('--tags', ($Tags -join ',')) }
        & dotnet $cli @arguments
        exit $LASTEXITCODE
    }
}
